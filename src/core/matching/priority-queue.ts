/**
 * Binary min-heaps on typed arrays, used by the solver to find the next dual change (delta2,
 * delta3, delta4) in O(log n) instead of scanning every vertex and blossom.
 */

/** Min-heap over items 0..capacity-1 with one key each; supports update and removal by item. */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  readonly keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
    this.keys = new Float64Array(capacity);
  }

  has(item: number): boolean {
    return this.pos[item]! >= 0;
  }

  /** Item with the smallest key; only valid when size > 0. */
  top(): number {
    return this.heap[0]!;
  }

  topKey(): number {
    return this.keys[this.heap[0]!]!;
  }

  /** Inserts the item or changes its key (up or down). */
  set(item: number, key: number): void {
    const i = this.pos[item]!;
    if (i < 0) {
      this.keys[item] = key;
      this.heap[this.size] = item;
      this.pos[item] = this.size;
      this.up(this.size++);
      return;
    }
    const old = this.keys[item]!;
    this.keys[item] = key;
    if (key < old) this.up(i);
    else if (key > old) this.down(i);
  }

  remove(item: number): void {
    const i = this.pos[item]!;
    if (i < 0) return;
    this.pos[item] = -1;
    const last = this.heap[--this.size]!;
    if (i === this.size) return;
    this.heap[i] = last;
    this.pos[last] = i;
    this.up(i);
    this.down(this.pos[last]!);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]!] = -1;
    this.size = 0;
  }

  private up(i: number): void {
    const heap = this.heap;
    const keys = this.keys;
    const item = heap[i]!;
    const key = keys[item]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pItem = heap[parent]!;
      if (keys[pItem]! <= key) break;
      heap[i] = pItem;
      this.pos[pItem] = i;
      i = parent;
    }
    heap[i] = item;
    this.pos[item] = i;
  }

  private down(i: number): void {
    const heap = this.heap;
    const keys = this.keys;
    const size = this.size;
    const item = heap[i]!;
    const key = keys[item]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[heap[child + 1]!]! < keys[heap[child]!]!) child++;
      const cItem = heap[child]!;
      if (keys[cItem]! >= key) break;
      heap[i] = cItem;
      this.pos[cItem] = i;
      i = child;
    }
    heap[i] = item;
    this.pos[item] = i;
  }
}

/**
 * Growable min-heap of (key, a, b) entries with lazy deletion: the caller checks the top entry
 * and pops it when stale.
 */
export class TripleMinHeap {
  private keys: Float64Array;
  private as: Int32Array;
  private bs: Int32Array;
  size = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(capacity);
    this.as = new Int32Array(capacity);
    this.bs = new Int32Array(capacity);
  }

  topKey(): number {
    return this.keys[0]!;
  }
  topA(): number {
    return this.as[0]!;
  }
  topB(): number {
    return this.bs[0]!;
  }

  push(key: number, a: number, b: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const as = this.as;
    const bs = this.bs;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      as[i] = as[parent]!;
      bs[i] = bs[parent]!;
      i = parent;
    }
    keys[i] = key;
    as[i] = a;
    bs[i] = b;
  }

  pop(): void {
    const size = --this.size;
    if (size === 0) return;
    const keys = this.keys;
    const as = this.as;
    const bs = this.bs;
    const key = keys[size]!;
    const a = as[size]!;
    const b = bs[size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      as[i] = as[child]!;
      bs[i] = bs[child]!;
      i = child;
    }
    keys[i] = key;
    as[i] = a;
    bs[i] = b;
  }

  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const cap = this.keys.length * 2;
    const keys = new Float64Array(cap);
    keys.set(this.keys);
    const as = new Int32Array(cap);
    as.set(this.as);
    const bs = new Int32Array(cap);
    bs.set(this.bs);
    this.keys = keys;
    this.as = as;
    this.bs = bs;
  }
}
