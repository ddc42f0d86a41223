import { z } from "zod";
import { observableCommon } from "./common/common-properties.js";
import { defineStixObject, type StixObjectOf } from "./common/define-stix-object.js";
import { integer, nonEmptyString, timestampSchema } from "./common/primitives.js";

const valueObservable = <const T extends string>(type: T) =>
  defineStixObject(type, { ...observableCommon, value: nonEmptyString });

/** OpenCTI hostname observable. */
export const hostnameSchema = valueObservable("hostname");
/** OpenCTI cryptocurrency wallet observable (its address in `value`). */
export const cryptocurrencyWalletSchema = valueObservable("cryptocurrency-wallet");
/** OpenCTI cryptographic key observable. */
export const cryptographicKeySchema = valueObservable("cryptographic-key");
/** OpenCTI text observable. */
export const textSchema = valueObservable("text");
/** OpenCTI user agent observable. */
export const userAgentSchema = valueObservable("user-agent");
/** OpenCTI phone number observable. */
export const phoneNumberSchema = valueObservable("phone-number");
/** OpenCTI credential observable. */
export const credentialSchema = valueObservable("credential");
/** OpenCTI tracking number observable. */
export const trackingNumberSchema = valueObservable("tracking-number");

/** OpenCTI bank account observable (identified by its IBAN). */
export const bankAccountSchema = defineStixObject("bank-account", {
  ...observableCommon,
  iban: z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/, "must be an IBAN in capitals without spaces"),
  bic: z.string().optional(),
  account_number: z.string().optional(),
});

/** OpenCTI payment card observable (identified by its number). */
export const paymentCardSchema = defineStixObject("payment-card", {
  ...observableCommon,
  card_number: z.string().regex(/^\d{8,19}$/, "must be 8 to 19 digits without spaces"),
  expiration_date: timestampSchema.optional(),
  cvv: integer(0, 9999).optional(),
  holder_name: z.string().optional(),
});

/** OpenCTI media content observable (identified by its URL). */
export const mediaContentSchema = defineStixObject("media-content", {
  ...observableCommon,
  url: z.string().refine((value) => URL.canParse(value), "must be an absolute URL"),
  title: z.string().optional(),
  description: z.string().optional(),
  content: z.string().optional(),
  media_category: z.string().optional(),
  publication_date: timestampSchema.optional(),
});

/** OpenCTI persona observable (a name and its kind, e.g. a social media handle). */
export const personaSchema = defineStixObject("persona", {
  ...observableCommon,
  persona_name: z.string().min(2, "must be at least 2 characters"),
  persona_type: nonEmptyString,
});

/** OpenCTI SSH key observable (identified by its SHA-256 fingerprint). */
export const sshKeySchema = defineStixObject("ssh-key", {
  ...observableCommon,
  fingerprint_sha256: z.string().min(5, "must be at least 5 characters"),
  fingerprint_md5: z.string().min(5, "must be at least 5 characters").optional(),
  key_type: z.string().optional(),
  public_key: z.string().optional(),
  key_length: z.union([z.number().int().min(0), z.string()]).optional(),
  comment: z.string().optional(),
  created: timestampSchema.optional(),
  expiration_date: timestampSchema.optional(),
});

/** An OpenCTI hostname. */
export type Hostname = StixObjectOf<typeof hostnameSchema>;
/** An OpenCTI cryptocurrency wallet. */
export type CryptocurrencyWallet = StixObjectOf<typeof cryptocurrencyWalletSchema>;
/** An OpenCTI cryptographic key. */
export type CryptographicKey = StixObjectOf<typeof cryptographicKeySchema>;
/** An OpenCTI text. */
export type Text = StixObjectOf<typeof textSchema>;
/** An OpenCTI user agent. */
export type UserAgent = StixObjectOf<typeof userAgentSchema>;
/** An OpenCTI phone number. */
export type PhoneNumber = StixObjectOf<typeof phoneNumberSchema>;
/** An OpenCTI credential. */
export type Credential = StixObjectOf<typeof credentialSchema>;
/** An OpenCTI tracking number. */
export type TrackingNumber = StixObjectOf<typeof trackingNumberSchema>;
/** An OpenCTI bank account. */
export type BankAccount = StixObjectOf<typeof bankAccountSchema>;
/** An OpenCTI payment card. */
export type PaymentCard = StixObjectOf<typeof paymentCardSchema>;
/** An OpenCTI media content. */
export type MediaContent = StixObjectOf<typeof mediaContentSchema>;
/** An OpenCTI persona. */
export type Persona = StixObjectOf<typeof personaSchema>;
/** An OpenCTI SSH key. */
export type SshKey = StixObjectOf<typeof sshKeySchema>;
