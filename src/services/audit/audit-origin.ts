import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditEntry, AuditOrigin } from '../../core/audit/audit-entry';
import type { AuditLog } from '../ports/audit';
import type { Store, UnitOfWork } from '../ports/store';

/**
 * From where an audited action came, without passing it through every use case: the edge that
 * receives the action (the web app for each request, the CLI for a verb, the job runner for a
 * pass) runs it inside `runWithAuditOrigin`, and every audit entry written while it runs carries
 * that origin. Use cases call `store.audit.record(entry, now)` and never see an address, so
 * nothing of the web reaches core or the use cases.
 *
 * The origin is taken when a transaction starts (`uow.transaction`), not when the entry is
 * written: group commit (ADR 0005) may run a request's work inside another request's batch, whose
 * asynchronous context is the other request's.
 */
const currentOrigin = new AsyncLocalStorage<AuditOrigin>();

/** Runs `work` (and everything it starts) as coming from `origin`. */
export const runWithAuditOrigin = <T>(origin: AuditOrigin, work: () => T): T =>
  currentOrigin.run(origin, work);

/** The origin of the work running now, if an edge set one. */
export const findAuditOrigin = (): AuditOrigin | undefined => currentOrigin.getStore();

/**
 * The audit log with every entry it is given stamped with `origin`: each method's first argument
 * is an entry or a list of entries (record, and any batch form added later).
 */
const stampingOrigin = (audit: AuditLog, origin: () => AuditOrigin | undefined): AuditLog => {
  const stamp = (entry: AuditEntry): AuditEntry => ({ ...entry, origin: entry.origin ?? origin() });
  return new Proxy(audit, {
    get: (target, key, receiver) => {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (first: AuditEntry | readonly AuditEntry[], ...rest: unknown[]) =>
        value.call(target, Array.isArray(first) ? first.map(stamp) : stamp(first as AuditEntry), ...rest);
    },
  });
};

/** The store with its audit log stamping each entry with `origin` (read when the entry is written). */
const withOrigin = (store: Store, origin: () => AuditOrigin | undefined): Store => {
  let audit: AuditLog | undefined;
  return new Proxy(store, {
    get: (target, key, receiver) => {
      if (key !== 'audit') return Reflect.get(target, key, receiver);
      audit ??= stampingOrigin(target.audit, origin);
      return audit;
    },
  });
};

/** A unit of work whose transactions stamp their audit entries with the origin current at their start. */
export const stampingAuditOrigin = (uow: UnitOfWork): UnitOfWork => ({
  ...uow,
  transaction: (work) => {
    const origin = findAuditOrigin();
    return uow.transaction((store) => work(withOrigin(store, () => origin)));
  },
});

/** A store outside any transaction whose audit entries take the origin current when written. */
export const stampingAuditOriginOutside = (store: Store): Store => withOrigin(store, findAuditOrigin);
