export * from './check-in';
export * from './check-in-link';
export * from './fortnights';
export * from './silent-partners';
