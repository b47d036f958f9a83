/**
 * Node module hooks for the stand-in run only: the specifier `electron` resolves to the
 * stand-in bundle given in the hook data; everything else resolves as usual.
 */
let standInUrl = '';

export function initialize(data: { standInUrl: string }): void {
  standInUrl = data.standInUrl;
}

type NextResolve = (specifier: string, context: unknown) => Promise<{ url: string }>;

export async function resolve(
  specifier: string,
  context: unknown,
  nextResolve: NextResolve,
): Promise<{ url: string; shortCircuit?: boolean }> {
  if (specifier === 'electron') return { url: standInUrl, shortCircuit: true };
  return nextResolve(specifier, context);
}
