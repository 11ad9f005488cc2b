/** Where participants see their partnerships: emails link here, the web app serves it. */
export const PARTICIPANT_AREA_PATH = '/participant';

/** One partnership in the participants' area. */
export const participantPartnershipPath = (partnershipId: string): string =>
  `${PARTICIPANT_AREA_PATH}/partnerships/${encodeURIComponent(partnershipId)}`;
