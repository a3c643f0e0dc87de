import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProp } from '../core/validation';

const NSP_NAME = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9_.-]{0,78}[a-zA-Z0-9_])$/;

/** Checks a literal perimeter, profile, rule or association name (tokens pass). */
export function checkNspName(scope: IConstruct, prop: string, name: string): void {
  if (!Token.isUnresolved(name) && !NSP_NAME.test(name)) {
    invalidProp(
      scope,
      prop,
      name,
      'perimeter, profile, rule and association names are 1-80 characters of letters, digits, "_", "." and "-", starting with a letter or digit and not ending with "." or "-"',
      'use a name such as "nsp-data-eastus2"',
    );
  }
}
