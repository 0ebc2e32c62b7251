import { join } from 'node:path';
import { circlesBetweenContexts, describeCircle, importGraphOf, reachableFrom, type ImportGraph } from '../test/support/import-graph';

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('the boundaries between contexts', () => {
  const graph = importGraphOf(join(__dirname, '..'));

  it('hold no import circle that joins two contexts', () => {
    // Given the import graph of src/ as the compiler resolves it
    // When we look for strongly connected files of more than one context
    const circles = circlesBetweenContexts(graph);
    // Then there are none (the message names the files of each)
    expect(circles.map(describeCircle).join('\n\n')).toBe('');
    expect(graph.size).toBeGreaterThan(100);
  });

  it("keep every contract free of modules: importing one never pulls a context's module graph in", () => {
    const contracts = [...graph.keys()].filter((file) => /^src\/contexts\/[^/]+\/contract\.ts$/.test(file));
    expect(contracts.length).toBeGreaterThan(5);
    const modulesBehind = contracts.flatMap((contract) =>
      [...reachableFrom(graph, contract)].filter((file) => /^src\/contexts\/[^/]+\/[^/]+\.module\.ts$/.test(file)).map((module) => `${contract} → … → ${module}`),
    );
    expect(modulesBehind).toEqual([]);
  });
});

describe('circlesBetweenContexts', () => {
  it('names the files of a circle that joins two contexts through shared code', () => {
    // Given contacts importing conversations' contract, which reaches back into contacts through src/shared
    const graph = graphOf({
      'src/contexts/contacts/http/contacts.controller.ts': ['src/contexts/conversations/contract.ts'],
      'src/contexts/conversations/contract.ts': ['src/contexts/conversations/domain/reply-address.ts'],
      'src/contexts/conversations/domain/reply-address.ts': ['src/shared/domain/token.ts'],
      'src/shared/domain/token.ts': ['src/contexts/contacts/http/contacts.controller.ts'],
      'src/main.ts': ['src/contexts/contacts/http/contacts.controller.ts'],
    });
    // When the circles between contexts are looked for
    const circles = circlesBetweenContexts(graph);
    // Then the one circle is reported, file by file, back to where it started
    expect(circles).toEqual([
      {
        contexts: ['contacts', 'conversations'],
        files: [
          'src/contexts/contacts/http/contacts.controller.ts',
          'src/contexts/conversations/contract.ts',
          'src/contexts/conversations/domain/reply-address.ts',
          'src/shared/domain/token.ts',
          'src/contexts/contacts/http/contacts.controller.ts',
        ],
      },
    ]);
    expect(describeCircle(circles[0])).toBe(
      'contacts and conversations import each other in a circle:\n' +
        '  src/contexts/contacts/http/contacts.controller.ts\n' +
        '  → src/contexts/conversations/contract.ts\n' +
        '  → src/contexts/conversations/domain/reply-address.ts\n' +
        '  → src/shared/domain/token.ts\n' +
        '  → src/contexts/contacts/http/contacts.controller.ts',
    );
  });

  it('shows the shortest circle across two contexts when the component is larger', () => {
    // Given two contexts in one component, with a long way round inside one of them
    const graph = graphOf({
      'src/contexts/a/x.ts': ['src/contexts/a/y.ts', 'src/contexts/b/contract.ts'],
      'src/contexts/a/y.ts': ['src/contexts/a/z.ts'],
      'src/contexts/a/z.ts': ['src/contexts/a/x.ts'],
      'src/contexts/b/contract.ts': ['src/contexts/b/q.ts'],
      'src/contexts/b/q.ts': ['src/contexts/a/x.ts'],
    });
    // When / Then
    expect(circlesBetweenContexts(graph).map(({ files }) => files)).toEqual([
      ['src/contexts/a/x.ts', 'src/contexts/b/contract.ts', 'src/contexts/b/q.ts', 'src/contexts/a/x.ts'],
    ]);
  });

  it('lets circles inside one context, or through shared code alone, be', () => {
    // Given a circle inside contacts, one inside src/shared, and contexts that import each other one way only
    const graph = graphOf({
      'src/contexts/contacts/a.ts': ['src/contexts/contacts/b.ts', 'src/contexts/conversations/contract.ts', 'src/shared/x.ts'],
      'src/contexts/contacts/b.ts': ['src/contexts/contacts/a.ts'],
      'src/contexts/conversations/contract.ts': ['src/shared/x.ts'],
      'src/shared/x.ts': ['src/shared/y.ts'],
      'src/shared/y.ts': ['src/shared/x.ts'],
    });
    // When / Then
    expect(circlesBetweenContexts(graph)).toEqual([]);
  });
});
