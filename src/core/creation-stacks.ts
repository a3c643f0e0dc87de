import { IConstruct } from 'constructs';

/**
 * Creation stacks inside the library's constructs.
 *
 * cdktf records a creation stack for every token and every block reference it makes: the whole call stack,
 * formatted by V8 and kept as an array of strings (~2 KB each; an azurerm storage account alone makes 26 of
 * them, one per nested block). cdktf shows it only in the message of a token that fails to resolve. For what
 * a library construct makes, that stack is the library's and cdktf's own frames under one line of the
 * user's code, and it is most of the memory of a large stack (measured: 57 of 99 MB at 1,000 storage
 * accounts) and a third of its build time.
 *
 * So while a library construct builds, the stacks cdktf captures (`Error.captureStackTrace` on a plain
 * object, read at once) are one line naming the construct instead: `new ServerlessSecureStorage (path)`.
 * Errors are untouched: their stacks are formatted when read, by the formatter installed before (or V8's).
 * The formatter is set only while a constructor runs (synchronously) and restored when the outermost one
 * returns or throws. Constructors that make cdktf objects open the scope; those that only record what is
 * known of an existing object (`from...Attributes`) make none and do not. The context key {@link CREATION_STACKS_CONTEXT} set to `true` keeps cdktf's full stacks
 * (e.g. to find where a token that fails to resolve was made).
 */
export const CREATION_STACKS_CONTEXT = 'cdktf-azure-databricks-serverless:fullCreationStacks';

type Formatter = (target: object, frames: NodeJS.CallSite[]) => unknown;

/** What the open constructs capture, innermost last (`undefined`: the full stack, as cdktf makes it). */
const open: (string | undefined)[] = [];
/** The formatter found when the outermost construct opened, restored when it closes. */
let saved: Formatter | undefined;

/** Installed only while the outermost open construct asked for short stacks, so the innermost line is set. */
function format(target: object, frames: NodeJS.CallSite[]): unknown {
  if (!(target instanceof Error)) {
    return open[open.length - 1];
  }
  // Errors: as without this formatter.
  return saved ? saved(target, frames) : [String(target), ...frames.map((f) => `    at ${f}`)].join('\n');
}

/** An open construct: close it when its constructor ends (in a `finally`). */
export interface CreationStackScope {
  /** Ends the scope; the outermost restores the formatter found before. */
  close(): void;
}

/**
 * Opens the scope of a library construct's constructor: until it is closed, cdktf's creation stacks are the
 * line `new <Class> (<path>)`, unless the context asks for full stacks. Scopes nest; close each in a `finally`.
 */
export function openCreationStackScope(construct: IConstruct): CreationStackScope {
  const outer = open.length > 0;
  // Nested constructs follow the outermost one's choice (the context is read once per outermost construct).
  const full = outer ? open[0] === undefined : construct.node.tryGetContext(CREATION_STACKS_CONTEXT) === true;
  open.push(full ? undefined : `Error\n    at new ${construct.constructor.name} (${construct.node.path})`);
  if (!outer && !full) {
    saved = Error.prepareStackTrace as Formatter | undefined;
    Error.prepareStackTrace = format as any;
  }
  let closed = false;
  return {
    close: () => {
      if (closed) {
        return;
      }
      closed = true;
      open.pop();
      if (open.length === 0 && Error.prepareStackTrace === (format as any)) {
        Error.prepareStackTrace = saved as any;
        saved = undefined;
      }
    },
  };
}
