import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projections } from './projections';

const isProjectionClass = (value: unknown): boolean =>
  typeof value === 'function' && typeof value.prototype?.setUp === 'function' && typeof value.prototype?.apply === 'function';

describe('the list of projections', () => {
  it('holds every projection of the contexts, each under a name of its own', async () => {
    // Given every projection class the contexts' *.projection.ts files export (one not listed would silently never run)
    const files = readdirSync(join(__dirname, 'contexts'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.projection.ts'));
    const modules = await Promise.all(files.map((file) => import(join(__dirname, 'contexts', file)) as Promise<Record<string, unknown>>));
    const classes = modules.flatMap((exported) => Object.values(exported)).filter(isProjectionClass);
    // When the list is read
    const names = projections.map((Projection) => new Projection().name);
    // Then it holds exactly those classes, and no two of them share a name
    expect(classes.length).toBeGreaterThan(5);
    expect(new Set<unknown>(projections)).toEqual(new Set(classes));
    expect(projections).toHaveLength(classes.length);
    expect(new Set(names).size).toBe(names.length);
  });
});
