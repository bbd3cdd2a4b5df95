/** A depth-first walk of a forest given by parent links: entity indexes in row order, with depths. */
export interface Walk {
  /** Entity index of each row. */
  readonly order: Int32Array;
  /** Depth of each row (0 for a root). */
  readonly depth: Int32Array;
  /** Row of each entity. */
  readonly rowOf: Int32Array;
  /** Entity index each entity hangs under in the walk, -1 for a root. */
  readonly parent: Int32Array;
}

/**
 * Walks `n` entities where `parentOf[i]` is the index of the one `i` hangs under (-1: a root).
 * Siblings and roots come in `visit` order (entity indexes; default 0..n-1), so sorting `visit`
 * sorts every level at once. Children are linked lists in typed arrays, the walk keeps its own
 * stack (a long chain must not overflow the call stack), and links that close a cycle (two tasks
 * each awaiting the other) are cut: an entity no root reaches becomes a root itself.
 */
export function walkTree(n: number, parentOf: Int32Array, visit?: ArrayLike<number>): Walk {
  const first = new Int32Array(n).fill(-1);
  const lastChild = new Int32Array(n);
  const next = new Int32Array(n).fill(-1);
  const roots: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = visit ? visit[k]! : k;
    const p = parentOf[i]!;
    if (p < 0) roots.push(i);
    else {
      if (first[p]! < 0) first[p] = i;
      else next[lastChild[p]!] = i;
      lastChild[p] = i;
    }
  }
  const order = new Int32Array(n);
  const depth = new Int32Array(n);
  const rowOf = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let count = 0;
  const from = (root: number) => {
    // Each stacked entity is a subtree entered; its children are visited in list order.
    let top = 0;
    rowOf[root] = count;
    order[count++] = root;
    stack[top++] = root;
    let child = first[root]!;
    while (top > 0) {
      if (child >= 0 && rowOf[child]! < 0) {
        const above = stack[top - 1]!;
        parent[child] = above;
        rowOf[child] = count;
        depth[count] = top;
        order[count++] = child;
        stack[top++] = child;
        child = first[child]!;
      } else if (child >= 0) {
        // Already walked: a link closing a cycle.
        child = next[child]!;
      } else {
        const done = stack[--top]!;
        child = top > 0 ? next[done]! : -1;
      }
    }
  };
  for (const root of roots) from(root);
  if (count < n) {
    for (let k = 0; k < n; k++) {
      const i = visit ? visit[k]! : k;
      if (rowOf[i]! < 0) from(i);
    }
  }
  return { order, depth, rowOf, parent };
}
