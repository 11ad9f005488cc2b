/**
 * Maximum-weight matching in general graphs: Edmonds' primal-dual blossom algorithm, in
 * AssemblyScript, compiled to WebAssembly (`npm run build:wasm` -> blossom.wasm; loaded by
 * ../engine.ts, which copies the validated edge list in and reads the result out).
 *
 * Why WebAssembly: V8 compiles a wasm module at once with its baseline compiler (Liftoff), so the
 * first solve in a fresh process runs compiled code from its first instruction; the same solver in
 * TypeScript ran a first solve almost entirely in V8's interpreter, 4–8x slower than compiled
 * (docs/decisions/0009-matching-engine-in-webassembly.md).
 *
 * Structure (labels S/T, blossoms with child cycles and endpoint lists, blossom augmentation and
 * expansion, doubled integer duals) follows Joris van Rantwijk's mwmatching (Galil, "Efficient
 * algorithms for finding maximum matching in graphs", ACM Computing Surveys 1986). On top of it,
 * as in Mehlhorn & Schäfer's LEDA study, LEMON's MaxWeightedMatching and van Rantwijk's current
 * rewrite:
 *
 *  - Lazy duals: one global offset `delta` (the total dual change so far). A vertex stores y such
 *    that its real (doubled) dual is y - delta when its top-level blossom is S, y + delta when T
 *    and y when free; blossom duals likewise (z + delta for S, z - delta for T). A dual update is
 *    therefore O(1); a stored value is converted only when its blossom changes label.
 *  - Priority queues for the next event: delta1 (an S-vertex dual reaches 0; indexed heap over
 *    S-vertices), delta2 (least-slack edge from an S-vertex to each free vertex; indexed heap over
 *    vertices, entries repaired lazily), delta3 (S–S edges between different blossoms; lazy heap
 *    of edges), delta4 (T-blossom duals; indexed heap).
 *  - A persistent forest: after an augmentation only the two alternating trees it joined are
 *    dissolved; every other tree keeps its labels (there are no O(n) "stages").
 *  - Max-weight mode starts from a greedy matching with greedy duals (greedyMatch,
 *    augmentShortPaths), from a given start, or from a previous solution (resume: warm start), so
 *    exposed vertices may have different duals: an exposed vertex is a root while its dual is
 *    positive; when an S-vertex's dual reaches 0 (delta1) the path to its root is flipped so that
 *    it becomes the exposed one and leaves the forest for good (as in LEMON). A tree that reaches
 *    such a zero-dual exposed vertex augments to it.
 *    Max-cardinality mode: with integer weights (when exact) the caller passes a shift L > n max|w|
 *    and this solves max-weight for w + L (any larger matching then weighs more), then continues
 *    as below from that optimum; otherwise it starts from uniform duals and an empty matching. It
 *    never uses delta1.
 *
 *  - Event order: every edge from an S-vertex to a free blossom waits in delta2, even when tight
 *    (except one that reaches an exposed base: it augments at once), and ties between the queues
 *    go to delta3 first (LEMON's order): tight S–S edges shrink blossoms and augment between small
 *    trees before any tree grows. Growing at once, depth-first, builds trees along whole chains
 *    that every augmentation dissolves again (Θ(n²) scans on chained triangles from a uniform
 *    start).
 *
 * Complexity. Not implemented: concatenable queues for delta2 inside expanded T-blossoms and
 * union-find for the vertex-to-blossom map, so the worst case is not the O(n m log n) bound of
 * Galil–Micali–Gabow: vertices are relabelled per blossom formation / expansion (O(|B|) each) and
 * the vertices of a dissolved tree rescan their edges (as in LEMON). Measured instead
 * (bench/matching/results/scaling.md, n = 1k..64k): chains, chained triangles and random sparse
 * graphs with weights spread over 1..1e9 grow about linearly, with or without the greedy start;
 * van Rantwijk's sparse-delta family, built to force Θ(n²) dual steps, is linear with the greedy
 * start and quadratic from the uniform start, as LEMON is. Nothing measured grows cubically.
 *
 * Units: the solver keeps doubled vertex duals Y = 2u and slack(i, j) = Y_i + Y_j - 2 w_ij (plus
 * 2 z_B inside blossoms). With integer weights every value is a dyadic rational (in all tests and
 * benchmarks u and z are multiples of 1/4), exactly representable, so results are exact and the
 * verifier checks them with zero tolerance. Fractional weights are handled in floating point;
 * results are optimal up to rounding (about 1e-12 relative to the largest weight). All arithmetic
 * is IEEE-754 double (f64), operation for operation as in the TypeScript engine it replaced.
 *
 * Invariants (between events):
 *  - duals feasible: slack >= 0 on every edge between different top-level blossoms;
 *  - matched edges, blossom cycle edges and tree edges are tight (slack 0);
 *  - every exposed vertex is an S-root, except (max-weight mode) exposed vertices with dual 0;
 *  - max-cardinality mode: all exposed vertices share one dual, the minimum of all vertex duals
 *    (they all start equal and every root's dual falls at the fastest rate);
 *  - blossom duals are >= 0; a T-blossom whose dual reaches 0 is expanded (delta4).
 *
 * Memory. No garbage collector (`--runtime stub`, and no managed objects): every array lives in
 * linear memory, handed out by a bump allocator. graphInput() starts over; the graph's arrays stay
 * until the next graphInput(), so one graph can be solved several times; prepare() releases the
 * previous solve's arrays. Arrays are raw pointers read and written with load/store (the helpers
 * below; no bounds checks, so the tests run every result through the independent verifier).
 * Growable structures: the delta3 heap and the tree-member node pool double when full; blossom
 * child lists live in an arena that is compacted when full (live lists hold at most 2n entries,
 * the arena 4n + 16 or more). Fresh memory is not cleared (memory.grow gives zeroed pages), so
 * arrays that are never fully used, such as the delta3 heap, cost no page faults beyond their use.
 *
 * Interface (see ../engine.ts): graphInput(cap) and loadGraph(n, m) take the validated edge list
 * and build the CSR graph (checking for repeated pairs); prepare(childTotal) allocates the solver;
 * the caller writes an explicit start or a resume state if any; solve(mode, ...) runs and writes
 * the outputs (real doubled duals, partners, member lists, barrier). Pointers to every array the
 * caller reads or writes are in one table.
 */

// ---- raw arrays -------------------------------------------------------------------------------

function gi(a: usize, i: i32): i32 {
  return load<i32>(a + ((<usize>i) << 2));
}
function si(a: usize, i: i32, v: i32): void {
  store<i32>(a + ((<usize>i) << 2), v);
}
function gf(a: usize, i: i32): f64 {
  return load<f64>(a + ((<usize>i) << 3));
}
function sf(a: usize, i: i32, v: f64): void {
  store<f64>(a + ((<usize>i) << 3), v);
}
function gb(a: usize, i: i32): i32 {
  return <i32>load<u8>(a + <usize>i);
}
function sb(a: usize, i: i32, v: i32): void {
  store<u8>(a + <usize>i, <u8>v);
}

// Bump allocator over linear memory: graphInput() starts over at heapStart, prepare() at the end
// of the loaded graph. Memory is never returned to the host (an instance that grew large is
// dropped by the caller).
const heapStart: usize = (__heap_base + 15) & ~15;
let top: usize = heapStart;
/** End of the highest block ever handed out: memory above it is as memory.grow gave it (zero). */
let touched: usize = heapStart;
/** End of the loaded graph's arrays (prepare() allocates the solver's after it). */
let graphTop: usize = heapStart;

/** Uninitialised block (the caller writes every element before reading it). */
function alloc(bytes: usize): usize {
  const p = top;
  const end = (p + bytes + 15) & ~(<usize>15);
  const have = (<usize>memory.size()) << 16;
  if (end > have) {
    const need = <i32>((end - have + 0xffff) >>> 16);
    // Reserve at least double (untouched pages cost nothing until written).
    if (memory.grow(max(need, memory.size())) < 0 && memory.grow(need) < 0) unreachable();
  }
  top = end;
  if (end > touched) touched = end;
  return p;
}

/**
 * Zeroed block. Only the part below the old high-water mark needs clearing: fresh pages are zero,
 * and left untouched they cost no page faults (first touches are what a fresh process pays for).
 */
function allocZero(bytes: usize): usize {
  const dirtyEnd = touched;
  const p = alloc(bytes);
  if (p < dirtyEnd) memory.fill(p, 0, min(bytes, dirtyEnd - p));
  return p;
}

function bytes32(len: i32): usize {
  return (<usize>max(len, 1)) << 2;
}
function bytes64(len: i32): usize {
  return (<usize>max(len, 1)) << 3;
}

/** i32 array: fill 0 (zeroed), -1 (all ones) or RAW (uninitialised). */
const RAW: i32 = 1;
function newI32(len: i32, fill: i32): usize {
  if (fill === 0) return allocZero(bytes32(len));
  const p = alloc(bytes32(len));
  if (fill === -1) memory.fill(p, 0xff, bytes32(len));
  return p;
}
function newF64(len: i32): usize {
  return allocZero(bytes64(len));
}
function rawF64(len: i32): usize {
  return alloc(bytes64(len));
}
function newU8(len: i32): usize {
  return allocZero(<usize>max(len, 1));
}

const FREE: i32 = 0;
const S: i32 = 1;
const T: i32 = 2;
const INF: f64 = Infinity;

// ---- priority queues --------------------------------------------------------------------------

/** Min-heap over items 0..capacity-1 with one key each; supports update and removal by item. */
@unmanaged
class IndexedMinHeap {
  items: usize;
  pos: usize;
  keys: usize;
  size: i32;

  static create(capacity: i32): IndexedMinHeap {
    const h = changetype<IndexedMinHeap>(alloc(offsetof<IndexedMinHeap>()));
    h.items = newI32(capacity, RAW);
    h.pos = newI32(capacity, -1);
    h.keys = newF64(capacity);
    h.size = 0;
    return h;
  }

  @inline top(): i32 {
    return gi(this.items, 0);
  }

  @inline topKey(): f64 {
    return gf(this.keys, gi(this.items, 0));
  }

  @inline key(item: i32): f64 {
    return gf(this.keys, item);
  }

  /** Inserts the item or changes its key (up or down). */
  set(item: i32, key: f64): void {
    const i = gi(this.pos, item);
    if (i < 0) {
      sf(this.keys, item, key);
      const at = this.size++;
      si(this.items, at, item);
      si(this.pos, item, at);
      this.up(at);
      return;
    }
    const old = gf(this.keys, item);
    sf(this.keys, item, key);
    if (key < old) this.up(i);
    else if (key > old) this.down(i);
  }

  remove(item: i32): void {
    const i = gi(this.pos, item);
    if (i < 0) return;
    si(this.pos, item, -1);
    const size = --this.size;
    const last = gi(this.items, size);
    if (i === size) return;
    si(this.items, i, last);
    si(this.pos, last, i);
    this.up(i);
    this.down(gi(this.pos, last));
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) si(this.pos, gi(this.items, i), -1);
    this.size = 0;
  }

  up(i: i32): void {
    const items = this.items;
    const keys = this.keys;
    const pos = this.pos;
    const item = gi(items, i);
    const key = gf(keys, item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pItem = gi(items, parent);
      if (gf(keys, pItem) <= key) break;
      si(items, i, pItem);
      si(pos, pItem, i);
      i = parent;
    }
    si(items, i, item);
    si(pos, item, i);
  }

  down(i: i32): void {
    const items = this.items;
    const keys = this.keys;
    const pos = this.pos;
    const size = this.size;
    const item = gi(items, i);
    const key = gf(keys, item);
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && gf(keys, gi(items, child + 1)) < gf(keys, gi(items, child))) child++;
      const cItem = gi(items, child);
      if (gf(keys, cItem) >= key) break;
      si(items, i, cItem);
      si(pos, cItem, i);
      i = child;
    }
    si(items, i, item);
    si(pos, item, i);
  }
}

// delta3: growable min-heap of (key, edge, epoch) with lazy deletion (the caller checks the top
// entry and pops it when stale).
let d3Keys: usize = 0;
let d3As: usize = 0;
let d3Bs: usize = 0;
let d3Size: i32 = 0;
let d3Cap: i32 = 0;

function d3Push(key: f64, a: i32, b: i32): void {
  if (d3Size === d3Cap) d3Grow();
  const keys = d3Keys;
  const as = d3As;
  const bs = d3Bs;
  let i = d3Size++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pk = gf(keys, parent);
    if (pk <= key) break;
    sf(keys, i, pk);
    si(as, i, gi(as, parent));
    si(bs, i, gi(bs, parent));
    i = parent;
  }
  sf(keys, i, key);
  si(as, i, a);
  si(bs, i, b);
}

function d3Pop(): void {
  const size = --d3Size;
  if (size === 0) return;
  const keys = d3Keys;
  const as = d3As;
  const bs = d3Bs;
  const key = gf(keys, size);
  const a = gi(as, size);
  const b = gi(bs, size);
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && gf(keys, child + 1) < gf(keys, child)) child++;
    const ck = gf(keys, child);
    if (ck >= key) break;
    sf(keys, i, ck);
    si(as, i, gi(as, child));
    si(bs, i, gi(bs, child));
    i = child;
  }
  sf(keys, i, key);
  si(as, i, a);
  si(bs, i, b);
}

function d3Grow(): void {
  const cap = d3Cap * 2;
  const keys = rawF64(cap);
  memory.copy(keys, d3Keys, (<usize>d3Cap) << 3);
  const as = newI32(cap, RAW);
  memory.copy(as, d3As, (<usize>d3Cap) << 2);
  const bs = newI32(cap, RAW);
  memory.copy(bs, d3Bs, (<usize>d3Cap) << 2);
  d3Keys = keys;
  d3As = as;
  d3Bs = bs;
  d3Cap = cap;
}

// ---- state ------------------------------------------------------------------------------------

let n: i32 = 0;
let m: i32 = 0;
/** endpoint[p] = vertex at endpoint p; edge k = (endpoint[2k], endpoint[2k+1]); other end p ^ 1. */
let endpoint: usize = 0;
/** Edge weights (slack uses 2w: doubling is exact). */
let weight: usize = 0;
/** CSR adjacency of remote endpoints: adj[adjStart[v] .. adjStart[v+1]). */
let adjStart: usize = 0;
let adj: usize = 0;
/** max(0, heaviest incident weight) per vertex (the greedy start's initial doubled dual). */
let heaviest: usize = 0;
/** Start state given by the caller (explicit start): doubled duals and partner vertex or -1. */
let startY: usize = 0;
let startMate: usize = 0;

let maxCardinality: bool = false;
/** mate[v] = remote endpoint of v's matched edge, or -1. */
let mate: usize = 0;
/** Top-level blossom containing vertex v (v itself for a trivial blossom). */
let inBlossom: usize = 0;
/** Stored vertex duals (doubled), see the header for the lazy encoding. */
let y: usize = 0;

// Blossom arrays, indexed 0..2n-1 (ids < n are the trivial blossoms = vertices).
let label: usize = 0;
/** Endpoint through which a labelled top-level blossom got its label (S-root: -1). */
let labelEnd: usize = 0;
let parent: usize = 0;
let base: usize = 0;
/** Stored blossom dual (top-level: lazy encoding; nested: the real value). */
let z: usize = 0;
/** Root vertex of the alternating tree a labelled top-level blossom belongs to, or -1. */
let treeOf: usize = 0;

// Child cycles: blossom b's children are arC[cStart[b] .. + cLen[b]) and the endpoints joining
// them arE[same range] (van Rantwijk's blossomchilds / blossomendps). cLen 0 = no list.
let cStart: usize = 0;
let cLen: usize = 0;
let arC: usize = 0;
let arE: usize = 0;
let arTop: i32 = 0;
let arCap: i32 = 0;

/** Unused blossom ids (a stack). */
let unusedBuf: usize = 0;
let unusedLen: i32 = 0;

// Blossoms labelled into each tree (by root vertex): singly linked lists of nodes (in order of
// joining); may hold stale ids, checked on use. Nodes come from a pool with a free list.
let tHead: usize = 0;
let tTail: usize = 0;
let nodeB: usize = 0;
let nodeNext: usize = 0;
let nodeTop: i32 = 0;
let nodeCap: i32 = 0;
let nodeFree: i32 = -1;

/** delta2 bookkeeping: least-slack edge (S-side endpoint) from an S-vertex to non-S vertex v. */
let bestS: usize = 0;
let bestEpoch: usize = 0;
/** bestS[v] may no longer be the best (its S-end left S): rescan before trusting it. */
let dirty: usize = 0;
/** Epoch at which a vertex last stopped being S (tree dissolution). */
let leftS: usize = 0;
let epoch: i32 = 0;

let queue: usize = 0;
let queueLen: i32 = 0;
let inQueue: usize = 0;
let mark: usize = 0;
let markStamp: i32 = 0;
/** Scratch for fillLeaves: leaves of one blossom, and the traversal stack. */
let leafBuf: usize = 0;
let leafStack: usize = 0;
/** Vertices of the tree being dissolved, and its S-blossoms. */
let dissolveBuf: usize = 0;
let freedBuf: usize = 0;
/** addBlossom's new child cycle before it is copied to the arena. */
let pathBuf: usize = 0;
let pathEnd: usize = 0;

let d1: IndexedMinHeap = changetype<IndexedMinHeap>(0);
let d2: IndexedMinHeap = changetype<IndexedMinHeap>(0);
let d4: IndexedMinHeap = changetype<IndexedMinHeap>(0);
let delta: f64 = 0;
let roots: i32 = 0;

// Outputs.
let outY: usize = 0;
let outZ: usize = 0;
let outPartner: usize = 0;
let outBarrier: usize = 0;
let outMemberStart: usize = 0;
let outMembers: usize = 0;

// ---- interface --------------------------------------------------------------------------------

/** Pointer table shared with the caller (slots: the T_* constants in ../engine.ts). */
let table: usize = 0;
const TABLE_SIZE: i32 = 24;
/** Input edges: eu[k], ev[k] (k < m), weight = the caller's weight array. */
let eu: usize = 0;
let ev: usize = 0;
/** integral (1 / 0), max weight, max |weight| of the loaded graph. */
let stats: usize = 0;

/**
 * Starts over (every earlier array is released) and allocates room for `cap` input edges.
 * Returns the pointer table: [0] eu, [1] ev, [2] weight; the caller writes the edges there and
 * calls loadGraph.
 */
export function graphInput(cap: i32): usize {
  top = heapStart;
  table = newI32(TABLE_SIZE, 0);
  stats = newF64(3);
  eu = newI32(cap, RAW);
  ev = newI32(cap, RAW);
  weight = rawF64(cap);
  si(table, 0, <i32>eu);
  si(table, 1, <i32>ev);
  si(table, 2, <i32>weight);
  si(table, 5, <i32>stats);
  return table;
}

/**
 * Builds the solver graph from the input edges (n vertices, the first m edges; pairs distinct is
 * the caller's contract, u != v): endpoint (edge k has endpoints 2k -> u and 2k+1 -> v, so the
 * other end of endpoint p is p ^ 1, van Rantwijk's encoding), the CSR adjacency of remote
 * endpoints (adjStart, adj), each vertex's max(0, heaviest incident weight) and the weight
 * statistics (stats). Returns 1, or 0 when a vertex pair repeats (table [3], [4]: the two edges,
 * as found by walking the adjacency lists in vertex order).
 */
export function loadGraph(nv: i32, me: i32): i32 {
  n = nv;
  m = me;
  endpoint = newI32(2 * m, RAW);
  adjStart = newI32(n + 1, 0);
  adj = newI32(2 * m, RAW);
  heaviest = newF64(n);
  let integral = true;
  let maxWeight = -INF;
  let maxAbsWeight: f64 = 0;
  const degree = adjStart; // degree of v at v + 1, then prefix sums
  for (let k = 0; k < m; k++) {
    const u = gi(eu, k);
    const v = gi(ev, k);
    const x = gf(weight, k);
    si(endpoint, 2 * k, u);
    si(endpoint, 2 * k + 1, v);
    if (integral && Math.floor(x) !== x) integral = false;
    if (x > maxWeight) maxWeight = x;
    const ax = Math.abs(x);
    if (ax > maxAbsWeight) maxAbsWeight = ax;
    si(degree, u + 1, gi(degree, u + 1) + 1);
    si(degree, v + 1, gi(degree, v + 1) + 1);
    if (x > gf(heaviest, u)) sf(heaviest, u, x);
    if (x > gf(heaviest, v)) sf(heaviest, v, x);
  }
  for (let v = 0; v < n; v++) si(adjStart, v + 1, gi(adjStart, v + 1) + gi(adjStart, v));
  sf(stats, 0, integral ? 1 : 0);
  sf(stats, 1, m > 0 ? maxWeight : 0);
  sf(stats, 2, maxAbsWeight);
  graphTop = top;
  // Scratch (released below): fill cursors, then the duplicate check's marks.
  const fill = newI32(n, RAW);
  memory.copy(fill, adjStart, (<usize>n) << 2);
  for (let k = 0; k < m; k++) {
    const a = gi(endpoint, 2 * k);
    const b = gi(endpoint, 2 * k + 1);
    const fa = gi(fill, a);
    si(adj, fa, 2 * k + 1);
    si(fill, a, fa + 1);
    const fb = gi(fill, b);
    si(adj, fb, 2 * k);
    si(fill, b, fb + 1);
  }
  // Repeated pair: neighbours of each vertex are marked with a stamp.
  const seenBy = newI32(n, -1);
  const seenEdge = fill;
  let ok = 1;
  for (let v = 0; v < n && ok === 1; v++) {
    for (let a = gi(adjStart, v), end = gi(adjStart, v + 1); a < end; a++) {
      const p = gi(adj, a);
      const x = gi(endpoint, p);
      if (gi(seenBy, x) === v) {
        si(table, 3, gi(seenEdge, x));
        si(table, 4, p >> 1);
        ok = 0;
        break;
      }
      si(seenBy, x, v);
      si(seenEdge, x, p >> 1);
    }
  }
  top = graphTop;
  return ok;
}

/**
 * Releases the previous solve's arrays and allocates the solver's for the loaded graph
 * (childTotal: entries of the child lists the caller will write for a resume, or 0). Returns the
 * pointer table: [6] startY, [7] startMate, [8] y, [9] mate, [10] parent, [11] base, [12] z,
 * [13] cStart, [14] cLen, [15] arC, [16] arE; after solve: [17] outY, [18] outZ,
 * [19] outPartner, [20] outBarrier, [21] outMemberStart, [22] outMembers, [23] member entries.
 */
export function prepare(childTotal: i32): usize {
  top = graphTop;
  startY = rawF64(n);
  startMate = newI32(n, -1);

  mate = newI32(n, -1);
  inBlossom = newI32(n, RAW);
  for (let v = 0; v < n; v++) si(inBlossom, v, v);
  y = rawF64(n);
  label = newU8(2 * n);
  labelEnd = newI32(2 * n, -1);
  parent = newI32(2 * n, -1);
  base = newI32(2 * n, -1);
  for (let v = 0; v < n; v++) si(base, v, v);
  z = newF64(2 * n);
  treeOf = newI32(2 * n, -1);
  cStart = newI32(2 * n, 0);
  cLen = newI32(2 * n, 0);
  arCap = max(4 * n + 16, 2 * childTotal + 16);
  arC = newI32(arCap, RAW);
  arE = newI32(arCap, RAW);
  arTop = 0;
  unusedBuf = newI32(n, RAW);
  unusedLen = 0;
  for (let b = 2 * n - 1; b >= n; b--) si(unusedBuf, unusedLen++, b);
  tHead = newI32(n, -1);
  tTail = newI32(n, -1);
  nodeCap = max(64, 2 * n);
  nodeB = newI32(nodeCap, RAW);
  nodeNext = newI32(nodeCap, RAW);
  nodeTop = 0;
  nodeFree = -1;
  bestS = newI32(n, -1);
  bestEpoch = newI32(n, 0);
  dirty = newU8(n);
  leftS = newI32(n, 0);
  epoch = 0;
  queue = newI32(n, RAW);
  queueLen = 0;
  inQueue = newU8(n);
  mark = newI32(2 * n, 0);
  markStamp = 0;
  leafBuf = newI32(n, RAW);
  leafStack = newI32(2 * n, RAW);
  dissolveBuf = newI32(n, RAW);
  freedBuf = newI32(n, RAW);
  pathBuf = newI32(n + 1, RAW);
  pathEnd = newI32(n + 1, RAW);
  d2 = IndexedMinHeap.create(n);
  d4 = IndexedMinHeap.create(2 * n);
  d1 = IndexedMinHeap.create(n);
  d3Cap = max(64, m);
  d3Keys = rawF64(d3Cap);
  d3As = newI32(d3Cap, RAW);
  d3Bs = newI32(d3Cap, RAW);
  d3Size = 0;
  delta = 0;
  roots = 0;
  si(table, 6, <i32>startY);
  si(table, 7, <i32>startMate);
  si(table, 8, <i32>y);
  si(table, 9, <i32>mate);
  si(table, 10, <i32>parent);
  si(table, 11, <i32>base);
  si(table, 12, <i32>z);
  si(table, 13, <i32>cStart);
  si(table, 14, <i32>cLen);
  si(table, 15, <i32>arC);
  si(table, 16, <i32>arE);
  return table;
}

/** Start modes of solve(). */
const MODE_GREEDY: i32 = 0;
const MODE_GIVEN: i32 = 1;
const MODE_RESUME: i32 = 2;
// 3: uniform (the last branch of solve()).

/**
 * Solves the prepared graph. mode: 0 greedy start, 1 the caller's start (startY, startMate),
 * 2 resume from the caller's final state of a solve on the first oldM edges (y, mate, parent,
 * base, z and child lists written in place), 3 uniform duals and an empty matching (the
 * max-cardinality search when no shift applies). shift > 0 (max-cardinality mode with integer
 * weights): solve max-weight for w + shift from the greedy start, then continue in
 * max-cardinality mode. Writes the outputs (pointer table [16..22]).
 */
export function solve(mode: i32, maxCard: i32, shift: f64, oldM: i32): void {
  if (shift !== 0) {
    // The loaded graph's weights and heaviest become those of w + shift (the caller reloads the
    // graph before solving it again).
    for (let k = 0; k < m; k++) sf(weight, k, gf(weight, k) + shift);
    for (let v = 0; v < n; v++) sf(heaviest, v, 0);
    for (let k = 0; k < m; k++) {
      const x = gf(weight, k);
      const a = gi(endpoint, 2 * k);
      const b = gi(endpoint, 2 * k + 1);
      if (x > gf(heaviest, a)) sf(heaviest, a, x);
      if (x > gf(heaviest, b)) sf(heaviest, b, x);
    }
  }
  maxCardinality = maxCard !== 0 && shift === 0;
  if (mode === MODE_GREEDY) {
    for (let v = 0; v < n; v++) sf(y, v, gf(heaviest, v));
    greedyMatch();
    augmentShortPaths();
    mateFromPartners(startMate);
  } else if (mode === MODE_GIVEN) {
    for (let v = 0; v < n; v++) sf(y, v, gf(startY, v));
    mateFromPartners(startMate);
  } else if (mode === MODE_RESUME) {
    arTop = 0;
    for (let b = n; b < 2 * n; b++) if (gi(cLen, b) > 0) arTop = max(arTop, gi(cStart, b) + gi(cLen, b));
    resume(oldM);
    unusedLen = 0;
    for (let b = 2 * n - 1; b >= n; b--) if (gi(base, b) === -1) si(unusedBuf, unusedLen++, b);
    // Top-level blossom of each vertex: fill from the top-level blossoms down.
    for (let b = n; b < 2 * n; b++) {
      if (gi(base, b) === -1 || gi(parent, b) !== -1) continue;
      const count = fillLeaves(b, leafBuf, 0);
      for (let i = 0; i < count; i++) si(inBlossom, gi(leafBuf, i), b);
    }
  } else {
    let mw: f64 = 0;
    if (m > 0) {
      mw = -INF;
      for (let k = 0; k < m; k++) if (gf(weight, k) > mw) mw = gf(weight, k);
    }
    const y0 = maxCardinality ? mw : max(0, mw);
    for (let v = 0; v < n; v++) sf(y, v, y0);
  }
  run();
  if (shift !== 0) continueWithMaxCardinality();
  writeOutputs();
}

/** Matched pairs (partner per vertex) -> endpoint encoding (the pair's edge is found in the adjacency). */
function mateFromPartners(partner: usize): void {
  for (let v = 0; v < n; v++) {
    const x = gi(partner, v);
    if (x <= v) continue;
    for (let a = gi(adjStart, v), end = gi(adjStart, v + 1); a < end; a++) {
      const p = gi(adj, a);
      if (gi(endpoint, p) === x) {
        si(mate, v, p);
        si(mate, x, p ^ 1);
        break;
      }
    }
  }
}

// ---- starts -----------------------------------------------------------------------------------

/**
 * Greedy start (as in Blossom V / LEMON), with y = heaviest: each vertex lowers its dual by its
 * least slack (staying >= 0) and takes a tight edge to an exposed neighbour (partners in
 * startMate). Feasible duals, matched edges tight.
 */
function greedyMatch(): void {
  const pm = startMate;
  for (let v = 0; v < n; v++) {
    // A vertex matched by an earlier one has a tight edge (least slack 0): nothing to do.
    if (gi(pm, v) !== -1) continue;
    const yv = gf(y, v);
    const start = gi(adjStart, v);
    const end = gi(adjStart, v + 1);
    let least = yv;
    for (let a = start; a < end; a++) {
      const p = gi(adj, a);
      const sl = yv + gf(y, gi(endpoint, p)) - 2 * gf(weight, p >> 1);
      if (sl < least) least = sl;
    }
    const lowered = yv - least;
    sf(y, v, lowered);
    for (let a = start; a < end; a++) {
      const p = gi(adj, a);
      const x = gi(endpoint, p);
      if (gi(pm, x) === -1 && lowered + gf(y, x) - 2 * gf(weight, p >> 1) === 0) {
        si(pm, v, x);
        si(pm, x, v);
        break;
      }
    }
  }
}

/**
 * Augments along tight alternating paths of length 3 (u - x = y - z with u, z exposed): all
 * edges stay tight and the duals are untouched, so the invariants hold; fewer roots remain.
 */
function augmentShortPaths(): void {
  const pm = startMate;
  for (let u = 0; u < n; u++) {
    if (gi(pm, u) !== -1 || gf(y, u) === 0) continue;
    let found = false;
    for (let a = gi(adjStart, u), end = gi(adjStart, u + 1); a < end && !found; a++) {
      const p = gi(adj, a);
      const x = gi(endpoint, p);
      const yy = gi(pm, x);
      if (yy === -1 || gf(y, u) + gf(y, x) - 2 * gf(weight, p >> 1) !== 0) continue;
      for (let b = gi(adjStart, yy), endB = gi(adjStart, yy + 1); b < endB; b++) {
        const q = gi(adj, b);
        const zz = gi(endpoint, q);
        if (zz === u || gi(pm, zz) !== -1 || gf(y, yy) + gf(y, zz) - 2 * gf(weight, q >> 1) !== 0) continue;
        si(pm, u, x);
        si(pm, x, u);
        si(pm, yy, zz);
        si(pm, zz, yy);
        found = true;
        break;
      }
    }
  }
}

/**
 * Resumes from the final state of a solve on the first `oldM` edges (the rest are new), written
 * by the caller into y (real doubled duals), mate, parent, base, z and the child lists. Each new
 * edge with negative slack is repaired without touching the rest of the solution: the top-level
 * blossom B containing an endpoint moves dual from z_B into its members (Y_v += d, z_B -= d:
 * edges inside keep their slack, edges leaving gain d, so only the base's matched edge, which
 * leaves B, is unmatched), expanding B when its whole dual is needed; once both ends are plain
 * vertices, one endpoint's dual is raised by the deficit and its matched edge dropped.
 */
function resume(oldM: i32): void {
  // topOf[v]: v's top-level blossom (v itself when in none), kept up to date as blossoms are
  // expanded (walking parent links per query would cost the nesting depth). Uses inBlossom.
  const topOf = inBlossom;
  for (let b = n; b < 2 * n; b++) if (gi(base, b) !== -1 && gi(parent, b) === -1) setTop(b, b);
  for (let k = oldM; k < m; k++) {
    const i = gi(endpoint, 2 * k);
    const j = gi(endpoint, 2 * k + 1);
    for (;;) {
      const ti = gi(topOf, i);
      const tj = gi(topOf, j);
      if (ti === tj) {
        release(ti, INF); // separate the ends (their slack does not change)
        continue;
      }
      const slack = gf(y, i) + gf(y, j) - 2 * gf(weight, k);
      if (slack >= 0) break;
      if (ti >= n) release(ti, -slack);
      else if (tj >= n) release(tj, -slack);
      else {
        const x = gi(mate, j) === -1 && gi(mate, i) !== -1 ? j : i;
        sf(y, x, gf(y, x) - slack);
        unmatch(x);
        break;
      }
    }
  }
}

/** Sets topOf (inBlossom) = t for every vertex of blossom b. */
function setTop(b: i32, t: i32): void {
  if (b < n) {
    si(inBlossom, b, t);
    return;
  }
  const stack = leafStack;
  let top = 0;
  si(stack, top++, b);
  while (top > 0) {
    const x = gi(stack, --top);
    if (x < n) si(inBlossom, x, t);
    else {
      const o = gi(cStart, x);
      const len = gi(cLen, x);
      for (let i = 0; i < len; i++) si(stack, top++, gi(arC, o + i));
    }
  }
}

function unmatch(v: i32): void {
  const p = gi(mate, v);
  if (p === -1) return;
  si(mate, gi(endpoint, p), -1);
  si(mate, v, -1);
}

/**
 * Moves up to `amount` of top-level blossom b's dual into its members' duals (all of it, and
 * expands b, when amount >= z_B). Edges inside b keep their slack, edges leaving gain, so only
 * the base's matched edge (which leaves b) is unmatched.
 */
function release(b: i32, amount: f64): void {
  const zb = gf(z, b);
  const all = amount >= zb;
  const moved = all ? zb : amount;
  const stack = leafStack;
  let top = 0;
  si(stack, top++, b);
  while (top > 0) {
    const x = gi(stack, --top);
    if (x < n) sf(y, x, gf(y, x) + moved);
    else {
      const o = gi(cStart, x);
      const len = gi(cLen, x);
      for (let i = 0; i < len; i++) si(stack, top++, gi(arC, o + i));
    }
  }
  unmatch(gi(base, b));
  if (!all) {
    sf(z, b, zb - moved);
    return;
  }
  const o = gi(cStart, b);
  const len = gi(cLen, b);
  for (let i = 0; i < len; i++) {
    const c = gi(arC, o + i);
    si(parent, c, -1);
    setTop(c, c);
  }
  si(base, b, -1);
  sf(z, b, 0);
  si(cLen, b, 0);
}

// ---- duals ------------------------------------------------------------------------------------

/** Real doubled dual of vertex v. */
function yOf(v: i32): f64 {
  const l = gb(label, gi(inBlossom, v));
  const yv = gf(y, v);
  return l === S ? yv - delta : l === T ? yv + delta : yv;
}

/** Real dual of blossom b (top-level or nested). */
function zOf(b: i32): f64 {
  const zb = gf(z, b);
  if (gi(parent, b) !== -1) return zb;
  const l = gb(label, b);
  return l === S ? zb + delta : l === T ? zb - delta : zb;
}

function slack(k: i32): f64 {
  return yOf(gi(endpoint, 2 * k)) + yOf(gi(endpoint, 2 * k + 1)) - 2 * gf(weight, k);
}

/** Writes the leaves (vertices) of blossom b to out[at..] and returns the new end. */
function fillLeaves(b: i32, out: usize, at: i32): i32 {
  if (b < n) {
    si(out, at, b);
    return at + 1;
  }
  const stack = leafStack;
  let top = 0;
  si(stack, top++, b);
  while (top > 0) {
    const x = gi(stack, --top);
    if (x < n) si(out, at++, x);
    else {
      const o = gi(cStart, x);
      const len = gi(cLen, x);
      for (let i = 0; i < len; i++) si(stack, top++, gi(arC, o + i));
    }
  }
  return at;
}

/**
 * Changes the label of top-level blossom b (and all its vertices) from its current label to
 * `to`, converting the stored duals so their real values are unchanged.
 */
function relabel(b: i32, to: i32, vertices: usize, from0: i32, end: i32): void {
  const from = gb(label, b);
  const d = delta;
  // stored = real + shift(label): S: +delta, T: -delta, FREE: 0 (vertices); blossoms opposite.
  const vShift = (to === S ? d : to === T ? -d : 0) - (from === S ? d : from === T ? -d : 0);
  if (vShift !== 0) {
    for (let i = from0; i < end; i++) {
      const v = gi(vertices, i);
      sf(y, v, gf(y, v) + vShift);
    }
    if (b >= n) sf(z, b, gf(z, b) - vShift);
  }
  sb(label, b, to);
}

// ---- child-list arena -------------------------------------------------------------------------

/** Room for a child list of len entries; returns its offset (may compact the arena). */
function arenaAlloc(len: i32): i32 {
  if (arTop + len > arCap) {
    // Compact: copy every live list to fresh arrays (live lists hold at most 2n entries).
    let live = 0;
    for (let b = n; b < 2 * n; b++) live += gi(cLen, b);
    const cap = max(arCap, 2 * (live + len) + 16);
    const nc = newI32(cap, RAW);
    const ne = newI32(cap, RAW);
    let top = 0;
    for (let b = n; b < 2 * n; b++) {
      const l = gi(cLen, b);
      if (l === 0) continue;
      const o = gi(cStart, b);
      memory.copy(nc + ((<usize>top) << 2), arC + ((<usize>o) << 2), (<usize>l) << 2);
      memory.copy(ne + ((<usize>top) << 2), arE + ((<usize>o) << 2), (<usize>l) << 2);
      si(cStart, b, top);
      top += l;
    }
    arC = nc;
    arE = ne;
    arCap = cap;
    arTop = top;
  }
  const at = arTop;
  arTop += len;
  return at;
}

/** Index of child c in blossom b's cycle. */
function childIndex(o: i32, len: i32, c: i32): i32 {
  for (let i = 0; i < len; i++) if (gi(arC, o + i) === c) return i;
  return -1;
}

function wrap(i: i32, len: i32): i32 {
  return ((i % len) + len) % len;
}

function reverseRange(a: usize, lo: i32, hi: i32): void {
  while (lo < hi) {
    const t = gi(a, lo);
    si(a, lo++, gi(a, hi));
    si(a, hi--, t);
  }
}

/** Rotates a[o .. o+len) in place so that a[o+i] comes first (three reversals). */
function rotateLeft(a: usize, o: i32, len: i32, i: i32): void {
  if (i === 0) return;
  reverseRange(a, o, o + i - 1);
  reverseRange(a, o + i, o + len - 1);
  reverseRange(a, o, o + len - 1);
}

// ---- labelling --------------------------------------------------------------------------------

function enqueue(v: i32): void {
  if (gb(inQueue, v) === 1) return;
  sb(inQueue, v, 1);
  si(queue, queueLen++, v);
}

function joinTree(b: i32, root: i32): void {
  si(treeOf, b, root);
  let node = nodeFree;
  if (node !== -1) nodeFree = gi(nodeNext, node);
  else {
    if (nodeTop === nodeCap) {
      const cap = nodeCap * 2;
      const nb = newI32(cap, RAW);
      memory.copy(nb, nodeB, (<usize>nodeCap) << 2);
      const nn = newI32(cap, RAW);
      memory.copy(nn, nodeNext, (<usize>nodeCap) << 2);
      nodeB = nb;
      nodeNext = nn;
      nodeCap = cap;
    }
    node = nodeTop++;
  }
  si(nodeB, node, b);
  si(nodeNext, node, -1);
  const tail = gi(tTail, root);
  if (gi(tHead, root) === -1) si(tHead, root, node);
  else si(nodeNext, tail, node);
  si(tTail, root, node);
}

/** Labels the free top-level blossom containing w with t via endpoint p (on the labelling side). */
function assignLabel(w: i32, t: i32, p: i32, followMate: bool): void {
  const b = gi(inBlossom, w);
  const verts = leafBuf;
  const count = fillLeaves(b, verts, 0);
  for (let i = 0; i < count; i++) d2.remove(gi(verts, i));
  relabel(b, t, verts, 0, count);
  si(labelEnd, b, p);
  joinTree(b, p === -1 ? w : gi(treeOf, gi(inBlossom, gi(endpoint, p))));
  if (t === S) {
    for (let i = 0; i < count; i++) {
      const v = gi(verts, i);
      si(bestS, v, -1);
      sb(dirty, v, 0);
      enqueue(v);
      if (!maxCardinality) d1.set(v, gf(y, v));
    }
  } else {
    if (b >= n) d4.set(b, gf(z, b));
    if (followMate) {
      const mm = gi(mate, gi(base, b));
      assignLabel(gi(endpoint, mm), S, mm ^ 1, true);
    }
  }
}

/**
 * Offers edge (S-endpoint ps -> non-S vertex w) with the given slack as w's delta2 edge. `yw` is
 * w's real dual and `free` whether w's top-level blossom is free.
 */
function offerBest(w: i32, ps: i32, sl: f64, yw: f64, free: bool): void {
  const cur = gi(bestS, w);
  if (cur !== -1) {
    const s = gi(endpoint, cur);
    if (gb(dirty, w) === 1 || gb(label, gi(inBlossom, s)) !== S || gi(leftS, s) > gi(bestEpoch, w)) {
      // Stale: keep a lower bound in the heap and rescan when it surfaces.
      sb(dirty, w, 1);
      if (free && d2.key(w) > sl + delta) d2.set(w, sl + delta);
      return;
    }
    if (sl >= gf(y, s) - delta + yw - 2 * gf(weight, cur >> 1)) return;
  }
  si(bestS, w, ps);
  si(bestEpoch, w, epoch);
  if (free) d2.set(w, sl + delta);
}

function validBest(w: i32): bool {
  const p = gi(bestS, w);
  if (p === -1) return false;
  const s = gi(endpoint, p);
  return gb(label, gi(inBlossom, s)) === S && gi(leftS, s) <= gi(bestEpoch, w);
}

/** Recomputes w's least-slack edge from an S-vertex by scanning its adjacency. */
function rescanBest(w: i32): f64 {
  let best = INF;
  let bestP = -1;
  const bw = gi(inBlossom, w);
  const yw = yOf(w);
  const d = delta;
  for (let a = gi(adjStart, w), end = gi(adjStart, w + 1); a < end; a++) {
    const p = gi(adj, a);
    const s = gi(endpoint, p);
    const bs = gi(inBlossom, s);
    if (bs === bw || gb(label, bs) !== S) continue;
    const sl = gf(y, s) - d + yw - 2 * gf(weight, p >> 1);
    if (sl < best) {
      best = sl;
      bestP = p;
    }
  }
  si(bestS, w, bestP);
  si(bestEpoch, w, epoch);
  sb(dirty, w, 0);
  return best;
}

/** Puts the vertices of a (newly) free top-level blossom into the delta2 queue. */
function readyFree(verts: usize, from0: i32, end: i32, rescan: bool): void {
  for (let i = from0; i < end; i++) {
    const v = gi(verts, i);
    let sl: f64;
    if (rescan || gb(dirty, v) === 1 || (gi(bestS, v) !== -1 && !validBest(v))) sl = rescanBest(v);
    else sl = gi(bestS, v) === -1 ? INF : slack(gi(bestS, v) >> 1);
    if (sl < INF) d2.set(v, sl + delta);
    else d2.remove(v);
  }
}

// ---- blossoms ---------------------------------------------------------------------------------

/** Traces from v and w towards their roots; returns the base of a new blossom or -1 (augment). */
function scanBlossom(v: i32, w: i32): i32 {
  const stamp = ++markStamp;
  let b0 = -1;
  while (v !== -1 || w !== -1) {
    if (v !== -1) {
      let b = gi(inBlossom, v);
      if (gi(mark, b) === stamp) {
        b0 = gi(base, b);
        break;
      }
      si(mark, b, stamp);
      if (gi(labelEnd, b) === -1) v = -1;
      else {
        v = gi(endpoint, gi(labelEnd, b));
        b = gi(inBlossom, v);
        v = gi(endpoint, gi(labelEnd, b));
      }
    }
    if (w !== -1) {
      const t = v;
      v = w;
      w = t;
    }
  }
  return b0;
}

/** Creates a blossom with the given base from the S–S edge k (classic addBlossom). */
function addBlossom(baseV: i32, k: i32): void {
  let v = gi(endpoint, 2 * k);
  let w = gi(endpoint, 2 * k + 1);
  const bb = gi(inBlossom, baseV);
  const tree = gi(treeOf, bb);
  let bv = gi(inBlossom, v);
  let bw = gi(inBlossom, w);
  const b = gi(unusedBuf, --unusedLen);
  si(base, b, baseV);
  si(parent, b, -1);
  si(parent, bb, b);
  // path = [bb, blossoms from v's side towards bb (reversed)], endps likewise, then edge k, then
  // the blossoms from w's side.
  const path = pathBuf;
  const endps = pathEnd;
  let len = 0;
  while (bv !== bb) {
    si(parent, bv, b);
    si(path, len, bv);
    si(endps, len, gi(labelEnd, bv));
    len++;
    v = gi(endpoint, gi(labelEnd, bv));
    bv = gi(inBlossom, v);
  }
  si(path, len, bb);
  reverseRange(path, 0, len);
  reverseRange(endps, 0, len - 1);
  si(endps, len, 2 * k);
  len++;
  while (bw !== bb) {
    si(parent, bw, b);
    si(path, len, bw);
    si(endps, len, gi(labelEnd, bw) ^ 1);
    len++;
    w = gi(endpoint, gi(labelEnd, bw));
    bw = gi(inBlossom, w);
  }
  const o = arenaAlloc(len);
  memory.copy(arC + ((<usize>o) << 2), path, (<usize>len) << 2);
  memory.copy(arE + ((<usize>o) << 2), endps, (<usize>len) << 2);
  si(cStart, b, o);
  si(cLen, b, len);
  // Children become nested: store their real duals; T-children's vertices become S.
  const d = delta;
  for (let i = 0; i < len; i++) {
    const c = gi(path, i);
    const l = gb(label, c);
    if (c >= n) {
      sf(z, c, l === S ? gf(z, c) + d : gf(z, c) - d);
      if (l === T) d4.remove(c);
    }
    const verts = leafBuf;
    const count = fillLeaves(c, verts, 0);
    if (l === T) {
      for (let t = 0; t < count; t++) {
        const x = gi(verts, t);
        sf(y, x, gf(y, x) + 2 * d); // T-encoding (real - d) -> S-encoding (real + d)
        si(bestS, x, -1);
        sb(dirty, x, 0);
        enqueue(x);
        if (!maxCardinality) d1.set(x, gf(y, x));
      }
    }
    for (let t = 0; t < count; t++) si(inBlossom, gi(verts, t), b);
    sb(label, c, FREE);
    si(treeOf, c, -1);
  }
  sb(label, b, S);
  si(labelEnd, b, gi(labelEnd, bb));
  sf(z, b, -d); // real 0
  joinTree(b, tree);
}

/**
 * Expands top-level blossom b. Mid-search (a T-blossom whose dual reached 0) the children on the
 * even-length path through the blossom are relabelled T/S and the rest become free; after a tree
 * dissolution (`free`), b is a free blossom with zero dual and nested zero-dual blossoms are
 * expanded too. (Nothing here allocates child lists, so b's arena range stays put.)
 */
function expandBlossom(b: i32, free: bool): void {
  const o = gi(cStart, b);
  const len = gi(cLen, b);
  if (!free) {
    d4.remove(b);
    // vertices keep real duals while children are set up
    relabel(b, FREE, leafBuf, 0, fillLeaves(b, leafBuf, 0));
  }
  for (let i = 0; i < len; i++) {
    const s = gi(arC, o + i);
    si(parent, s, -1);
    if (s < n) si(inBlossom, s, s);
    else if (free && gf(z, s) === 0) {
      expandBlossom(s, true);
      continue;
    } else {
      const count = fillLeaves(s, leafBuf, 0);
      for (let t = 0; t < count; t++) si(inBlossom, gi(leafBuf, t), s);
    }
    sb(label, s, FREE);
    si(labelEnd, s, -1);
    si(treeOf, s, -1);
  }
  if (!free) {
    const pEntry = gi(labelEnd, b);
    const entryChild = gi(inBlossom, gi(endpoint, pEntry ^ 1));
    let j = childIndex(o, len, entryChild);
    let jstep: i32;
    let endptrick: i32;
    if (j & 1) {
      j -= len;
      jstep = 1;
      endptrick = 0;
    } else {
      jstep = -1;
      endptrick = 1;
    }
    let p = pEntry;
    while (j !== 0) {
      assignLabel(gi(endpoint, p ^ 1), T, p, true);
      j += jstep;
      p = gi(arE, o + wrap(j - endptrick, len)) ^ endptrick;
      j += jstep;
    }
    // The base child gets T without relabelling its mate (already S outside b).
    assignLabel(gi(endpoint, p ^ 1), T, p, false);
    j += jstep;
    while (gi(arC, o + wrap(j, len)) !== entryChild) {
      const bv = gi(arC, o + wrap(j, len));
      if (gb(label, bv) === FREE) readyFree(leafBuf, 0, fillLeaves(bv, leafBuf, 0), false);
      j += jstep;
    }
  }
  si(cLen, b, 0);
  si(base, b, -1);
  sb(label, b, FREE);
  si(labelEnd, b, -1);
  si(parent, b, -1);
  si(treeOf, b, -1);
  sf(z, b, 0);
  si(unusedBuf, unusedLen++, b);
}

/** Swaps matched/unmatched edges inside blossom b so that vertex v becomes its base. */
function augmentBlossom(b: i32, v: i32): void {
  let t = v;
  while (gi(parent, t) !== b) t = gi(parent, t);
  if (t >= n) augmentBlossom(t, v);
  const o = gi(cStart, b);
  const len = gi(cLen, b);
  const i = childIndex(o, len, t);
  let j = i;
  let jstep: i32;
  let endptrick: i32;
  if (i & 1) {
    j -= len;
    jstep = 1;
    endptrick = 0;
  } else {
    jstep = -1;
    endptrick = 1;
  }
  while (j !== 0) {
    j += jstep;
    t = gi(arC, o + wrap(j, len));
    const p = gi(arE, o + wrap(j - endptrick, len)) ^ endptrick;
    if (t >= n) augmentBlossom(t, gi(endpoint, p));
    j += jstep;
    t = gi(arC, o + wrap(j, len));
    if (t >= n) augmentBlossom(t, gi(endpoint, p ^ 1));
    si(mate, gi(endpoint, p), p ^ 1);
    si(mate, gi(endpoint, p ^ 1), p);
  }
  rotateLeft(arC, o, len, i);
  rotateLeft(arE, o, len, i);
  si(base, b, gi(base, gi(arC, o)));
}

/**
 * Augments along edge k from an S-blossom to either another tree's S-blossom or a free blossom
 * whose base is exposed (a zero-dual exposed vertex). Dissolves the tree(s) involved.
 */
function augmentMatching(k: i32): void {
  const v0 = gi(endpoint, 2 * k);
  const w0 = gi(endpoint, 2 * k + 1);
  let tree0 = -1;
  let tree1 = -1;
  for (let side = 0; side < 2; side++) {
    const s0 = side === 0 ? v0 : w0;
    const p0 = side === 0 ? 2 * k + 1 : 2 * k;
    const b0 = gi(inBlossom, s0);
    if (gb(label, b0) !== S) {
      // Free blossom with an exposed base: make s0 its base and match it across k.
      if (b0 >= n) augmentBlossom(b0, s0);
      si(mate, s0, p0);
      continue;
    }
    if (tree0 === -1) tree0 = gi(treeOf, b0);
    else tree1 = gi(treeOf, b0);
    flipToRoot(s0, p0);
  }
  if (tree0 !== -1) {
    roots--;
    if (tree1 !== -1) roots--;
    dissolveTree(tree0);
    if (tree1 !== -1) dissolveTree(tree1);
  }
}

/**
 * Swaps the alternating path from S-vertex s up to its tree's root; s gets mate endpoint p
 * (-1: s becomes exposed and the root matched).
 */
function flipToRoot(s: i32, p: i32): void {
  for (;;) {
    const bs = gi(inBlossom, s);
    if (bs >= n) augmentBlossom(bs, s);
    si(mate, s, p);
    if (gi(labelEnd, bs) === -1) break;
    const t = gi(endpoint, gi(labelEnd, bs));
    const bt = gi(inBlossom, t);
    const le = gi(labelEnd, bt);
    s = gi(endpoint, le);
    const j = gi(endpoint, le ^ 1);
    if (bt >= n) augmentBlossom(bt, j);
    si(mate, j, le);
    p = le ^ 1;
  }
}

/**
 * delta1: S-vertex v's dual reached 0. v becomes exposed (the path from v to its root is
 * flipped, so the root is matched instead) and the tree dissolves; v, exposed with dual 0,
 * satisfies complementary slackness and is never a root again.
 */
function zeroDual(v: i32): void {
  const tree = gi(treeOf, gi(inBlossom, v));
  if (gi(mate, v) !== -1) flipToRoot(v, -1);
  roots--;
  dissolveTree(tree);
}

/** Unlabels every blossom of the tree rooted at `root` (now matched); the rest of the forest stays. */
function dissolveTree(root: i32): void {
  const list = gi(tHead, root);
  si(tHead, root, -1);
  if (list === -1) return;
  const ep = ++epoch;
  const verts = dissolveBuf; // not leafBuf: expandBlossom below uses that
  let end = 0;
  let freed = 0;
  for (let node = list; node !== -1; node = gi(nodeNext, node)) {
    const b = gi(nodeB, node);
    if (gi(parent, b) !== -1 || gi(treeOf, b) !== root || gb(label, b) === FREE) continue;
    if (b >= n && gi(base, b) === -1) continue;
    const l = gb(label, b);
    const start = end;
    end = fillLeaves(b, verts, start);
    if (l === S) {
      for (let t = start; t < end; t++) {
        const v = gi(verts, t);
        si(leftS, v, ep);
        if (!maxCardinality) d1.remove(v);
      }
    } else if (b >= n) d4.remove(b);
    relabel(b, FREE, verts, start, end);
    si(labelEnd, b, -1);
    si(treeOf, b, -1);
    if (l === S && b >= n) si(freedBuf, freed++, b);
  }
  // The list's nodes go back to the pool.
  si(nodeNext, gi(tTail, root), nodeFree);
  nodeFree = list;
  si(tTail, root, -1);
  // As at the end of a stage of the classic algorithm: free S-blossoms with zero dual dissolve.
  for (let i = 0; i < freed; i++) {
    const b = gi(freedBuf, i);
    if (gi(base, b) !== -1 && gi(parent, b) === -1 && gf(z, b) === 0) expandBlossom(b, true);
  }
  readyFree(verts, 0, end, true);
}

// ---- main loop --------------------------------------------------------------------------------

/**
 * Scans the edges of S-vertex v: S–S edges go to delta3 (or, when tight, form a blossom or
 * augment at once); edges to T- and free blossoms are offered as their delta2 edge. A tight
 * edge to a free blossom whose base is exposed augments at once; any other edge to a free
 * blossom, tight or not, waits in delta2, so that tight S–S edges go first (see loop()).
 * The scan stops when v's tree is dissolved by an augmentation.
 */
function scan(v: i32): void {
  const adjEnd = gi(adjStart, v + 1);
  // v stays S during its scan (or the scan stops), so its real dual is fixed: y - delta.
  const d = delta;
  const yv = gf(y, v) - d;
  let bv = gi(inBlossom, v); // changes only when a tight S–S edge forms a blossom
  for (let a = gi(adjStart, v); a < adjEnd; a++) {
    const p = gi(adj, a);
    const w = gi(endpoint, p);
    const bw = gi(inBlossom, w);
    if (bv === bw) continue;
    const k = p >> 1;
    const lw = gb(label, bw);
    const yw = lw === S ? gf(y, w) - d : lw === T ? gf(y, w) + d : gf(y, w);
    const sl = yv + yw - 2 * gf(weight, k);
    if (lw === S) {
      if (sl > 0) d3Push(sl + 2 * d, k, epoch);
      else {
        tightSS(k);
        bv = gi(inBlossom, v);
        if (gb(label, bv) !== S) return; // v's tree was dissolved by an augmentation
      }
    } else if (lw === FREE && sl <= 0 && gi(mate, gi(base, bw)) === -1) {
      augmentMatching(k); // dissolves v's tree
      return;
    } else offerBest(w, p ^ 1, sl, yw, lw === FREE);
  }
}

/** A tight edge between two S-blossoms: form a blossom (same tree) or augment (two trees). */
function tightSS(k: i32): void {
  const b0 = scanBlossom(gi(endpoint, 2 * k), gi(endpoint, 2 * k + 1));
  if (b0 >= 0) addBlossom(b0, k);
  else augmentMatching(k);
}

function drainQueue(): void {
  while (queueLen > 0) {
    const v = gi(queue, --queueLen);
    sb(inQueue, v, 0);
    if (gb(label, gi(inBlossom, v)) === S) scan(v);
  }
}

/** Least delta2 candidate (vertex) after repairing stale entries, or -1. */
function topD2(): i32 {
  const h = d2;
  while (h.size > 0) {
    const w = h.top();
    if (gb(dirty, w) === 1 || !validBest(w)) {
      const sl = rescanBest(w);
      if (sl === INF) h.remove(w);
      else h.set(w, sl + delta);
      continue;
    }
    const exact = slack(gi(bestS, w) >> 1) + delta;
    if (exact !== h.key(w)) {
      h.set(w, exact);
      if (exact > h.key(h.top())) continue;
    }
    return w;
  }
  return -1;
}

/** Least valid delta3 edge (stale entries popped), or -1. */
function topD3(): i32 {
  while (d3Size > 0) {
    const k = gi(d3As, 0);
    const e = gi(d3Bs, 0);
    const i = gi(endpoint, 2 * k);
    const j = gi(endpoint, 2 * k + 1);
    const bi = gi(inBlossom, i);
    const bj = gi(inBlossom, j);
    if (bi !== bj && gb(label, bi) === S && gb(label, bj) === S && gi(leftS, i) <= e && gi(leftS, j) <= e) {
      return k;
    }
    d3Pop();
  }
  return -1;
}

function run(): void {
  for (let v = 0; v < n; v++) {
    if (gi(mate, v) !== -1) continue;
    // Exposed vertices are roots, except (max-weight mode) those already at dual 0.
    if (!maxCardinality && gf(y, v) <= 0) continue;
    roots++;
    assignLabel(v, S, -1, true);
  }
  loop();
}

/**
 * After a max-weight run: all exposed vertices have dual 0 and every dual is >= 0, so they can
 * all become roots of the max-cardinality search (which never uses delta1).
 */
function continueWithMaxCardinality(): void {
  maxCardinality = true;
  d1.clear();
  for (let v = 0; v < n; v++) {
    if (gi(mate, v) !== -1) continue;
    roots++;
    assignLabel(v, S, -1, true);
  }
  loop();
}

function loop(): void {
  for (;;) {
    drainQueue();
    if (roots === 0) break;
    // Ties go to delta3 (as in LEMON): a tight S–S edge shrinks a blossom or augments between
    // small trees before any tree grows through a free blossom.
    let type = 0;
    let best = INF;
    const k3 = topD3();
    if (k3 !== -1) {
      best = (gf(d3Keys, 0) - 2 * delta) / 2;
      type = 3;
    }
    if (!maxCardinality && d1.size > 0) {
      const d = d1.topKey() - delta;
      if (d < best) {
        best = d;
        type = 1;
      }
    }
    const w2 = topD2();
    if (w2 !== -1) {
      const d = d2.key(w2) - delta;
      if (d < best) {
        best = d;
        type = 2;
      }
    }
    if (d4.size > 0) {
      const d = d4.topKey() - delta;
      if (d < best) {
        best = d;
        type = 4;
      }
    }
    if (type === 0) break; // max-cardinality: no further progress possible
    if (best > 0) delta += best;
    if (type === 1) zeroDual(d1.top());
    else if (type === 2) {
      const p = gi(bestS, w2);
      if (gi(mate, gi(base, gi(inBlossom, w2))) === -1) augmentMatching(p >> 1);
      else assignLabel(w2, T, p, true);
    } else if (type === 3) {
      d3Pop();
      tightSS(k3);
    } else expandBlossom(d4.top(), false);
  }
}

// ---- outputs ----------------------------------------------------------------------------------

/**
 * Real doubled duals (outY, outZ; z 0 for unused ids), partner per vertex (outPartner), the
 * max-cardinality barrier flags (T-vertices of the final forest), and the members of every live
 * blossom, sorted: blossom b's are outMembers[outMemberStart[b - n] .. outMemberStart[b - n + 1]).
 * Each vertex, in increasing order, is appended to every blossom on its parent chain: O(sum of
 * blossom sizes) without per-blossom traversals or sorts (nested blossoms can be hundreds deep).
 */
function writeOutputs(): void {
  outY = rawF64(n);
  for (let v = 0; v < n; v++) sf(outY, v, yOf(v));
  outZ = newF64(2 * n);
  for (let b = n; b < 2 * n; b++) if (gi(base, b) !== -1) sf(outZ, b, zOf(b));
  outPartner = newI32(n, -1);
  for (let v = 0; v < n; v++) {
    const p = gi(mate, v);
    if (p !== -1) si(outPartner, v, gi(endpoint, p));
  }
  outBarrier = newU8(n);
  if (maxCardinality) for (let v = 0; v < n; v++) if (gb(label, gi(inBlossom, v)) === T) sb(outBarrier, v, 1);
  outMemberStart = newI32(n + 1, 0);
  const size = outMemberStart; // counts at b - n + 1, then prefix sums
  for (let v = 0; v < n; v++) {
    for (let b = gi(parent, v); b !== -1; b = gi(parent, b)) si(size, b - n + 1, gi(size, b - n + 1) + 1);
  }
  for (let i = 0; i < n; i++) si(size, i + 1, gi(size, i + 1) + gi(size, i));
  const total = gi(size, n);
  outMembers = newI32(total, RAW);
  const cursor = newI32(n, RAW);
  for (let i = 0; i < n; i++) si(cursor, i, gi(size, i));
  for (let v = 0; v < n; v++) {
    for (let b = gi(parent, v); b !== -1; b = gi(parent, b)) {
      const c = gi(cursor, b - n);
      si(outMembers, c, v);
      si(cursor, b - n, c + 1);
    }
  }
  si(table, 17, <i32>outY);
  si(table, 18, <i32>outZ);
  si(table, 19, <i32>outPartner);
  si(table, 20, <i32>outBarrier);
  si(table, 21, <i32>outMemberStart);
  si(table, 22, <i32>outMembers);
  si(table, 23, total);
  // The child lists may have moved (arena compaction); mate, parent and base are read in place.
  si(table, 13, <i32>cStart);
  si(table, 14, <i32>cLen);
  si(table, 15, <i32>arC);
  si(table, 16, <i32>arE);
}
