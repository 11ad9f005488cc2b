/** A person the program knows: a coordinator today, a participant once partnerships exist. */
export interface Person {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string | null;
  /** The language the person chose for the pages; null: none chosen (their application's or browser's). */
  chosenLocale?: string | null;
  createdAt: string;
  updatedAt: string;
}

export type RoleName = 'program_coordinator' | 'country_coordinator' | 'participant';

export interface PersonRole {
  role: RoleName;
  /** Set for country coordinators only. */
  countryCode: string | null;
}

export interface NewPerson {
  email: string;
  name: string;
  locale?: string;
  timeZone?: string | null;
}

/**
 * Addresses are compared and stored lower-cased and trimmed: the same person types their address
 * differently on different days, and no mail system in use treats the local part by case.
 */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
