/**
 * A module resolve hook (node:module `register`), registered when a TypeScript strategy file is loaded by the built
 * CLI: the strategy's import of rotor's engine (`../../engine/index.ts`, or `'rotor'`) gets the built engine the CLI
 * itself runs, not a second copy compiled from source. One copy means one set of classes (errors, brands) and no
 * time spent compiling the engine again.
 */
interface Redirect {
  from: string;
  to: string;
}

type Resolved = { url: string; format?: string | null; shortCircuit?: boolean };
type NextResolve = (specifier: string, context: unknown) => Promise<Resolved>;

let redirect: Redirect | undefined;

export function initialize(data: Redirect): void {
  redirect = data;
}

export async function resolve(specifier: string, context: unknown, next: NextResolve): Promise<Resolved> {
  const r = await next(specifier, context);
  if (redirect && r.url === redirect.from) return { url: redirect.to, format: 'module', shortCircuit: true };
  return r;
}
