export const signatoryOrders = ['alphabetical', 'signed_at', 'manual'] as const;
export const visibilities = ['public', 'delivered', 'anonymous'] as const;
export const pageSizes = ['LETTER', 'A4'] as const;

export type SignatoryOrder = (typeof signatoryOrders)[number];
export type Visibility = (typeof visibilities)[number];
export type PageSize = (typeof pageSizes)[number];

/** How a letter collects and presents sign-ons (shared/design/api.md, `settings`). */
export interface LetterSettings {
  signatoryOrder: SignatoryOrder;
  numbered: boolean;
  showCountry: boolean;
  openSignOn: boolean;
  requireApproval: boolean;
  /** Which visibilities signers may choose; never empty. */
  visibilities: Visibility[];
  publicPage: boolean;
  pageSize: PageSize;
  /** Days before the deadline on which non-responders get a reminder. */
  reminderDays: number[];
  /** IANA zone the deadline is read and shown in; null: the workspace's. */
  timeZone: string | null;
}

export const defaultLetterSettings: LetterSettings = {
  signatoryOrder: 'alphabetical',
  numbered: true,
  showCountry: false,
  openSignOn: false,
  requireApproval: true,
  visibilities: ['public'],
  publicPage: false,
  pageSize: 'LETTER',
  reminderDays: [7, 2],
  timeZone: null,
};

/** A letter's stored settings; keys added since it was saved take their defaults. */
export function parseLetterSettings(json: string): LetterSettings {
  return { ...defaultLetterSettings, ...(JSON.parse(json) as Partial<LetterSettings>) };
}
