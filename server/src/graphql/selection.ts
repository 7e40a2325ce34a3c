import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected under the resolving field, `path` levels down (`['items']`: the
 * fields of a page's items), through inline fragments and named fragments. What a resolver reads to
 * fetch ahead what its children will ask for (graphql-js and the compiled operations give the same
 * `fieldNodes` and `fragments`). A field under `@skip`/`@include` counts as selected: reading it ahead
 * costs a little work, never a wrong answer.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[] = []): Set<string> {
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) sets = fieldsOf(sets, info.fragments).flatMap((f) => (f.name.value === name && f.selectionSet ? [f.selectionSet] : []));
  return new Set(fieldsOf(sets, info.fragments).map((f) => f.name.value));
}

function fieldsOf(sets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const out: FieldNode[] = [];
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsOf([selection.selectionSet], fragments, seen));
      else if (!seen.has(selection.name.value)) {
        // A fragment spread twice (or in a cycle, which validation refuses anyway) is read once.
        seen.add(selection.name.value);
        const fragment = fragments[selection.name.value];
        if (fragment) out.push(...fieldsOf([fragment.selectionSet], fragments, seen));
      }
    }
  }
  return out;
}
