import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * The installation's signing keys (Ed25519, for JWS). Public halves stay published after
 * retirement so that old signatures keep verifying; private halves are stored only encrypted
 * (AES-256-GCM under the key secret, see key-secret.ts).
 */
export interface SigningKeysTable {
  /** RFC 7638 JWK thumbprint of the public key. */
  kid: string;
  alg: 'EdDSA';
  /** The public JWK (kty, crv, x) as JSON text. */
  public_jwk: string;
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url) of the private JWK; the kid is the GCM AAD. */
  private_enc: string;
  status: 'active' | 'retired';
  created_at: Timestamp;
  retired_at: Timestamp | null;
}

