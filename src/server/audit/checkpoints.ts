import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../db/client.ts';
import { verifyAuditChain } from './audit.ts';

/**
 * Signed checkpoints of the audit chain (ADR 0014). The chain alone proves the log is
 * self-consistent; someone with write access to the database could still rewrite it and re-hash
 * every row and the head. A checkpoint is an Ed25519 signature, by a key that lives in a file
 * outside the database, over (jurisdiction, seq, hash) of the chain tip at a moment: a rewritten
 * log no longer matches the signed hashes, and a forged checkpoint does not verify.
 */

/** The private key (and the public key derived from it), with a short id. */
export interface AuditSigningKey {
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
  keyId: string;
}

/** A key id: the first 16 hex characters of the SHA-256 of the public key (SPKI DER). */
export function publicKeyId(publicKey: crypto.KeyObject): string {
  return crypto
    .createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** Builds the key pair object from a PEM private key. */
export function signingKeyFromPem(pem: string): AuditSigningKey {
  const privateKey = crypto.createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('The audit signing key must be an Ed25519 private key (PEM, PKCS#8).');
  }
  const publicKey = crypto.createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: publicKeyId(publicKey) };
}

/** A fresh Ed25519 key (tests, and the first run of an installation). */
export function generateSigningKey(): AuditSigningKey {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keyId: publicKeyId(publicKey) };
}

/**
 * Loads the signing key from `file`, creating it (mode 0600, with the public key beside it as
 * `<file>.pub`) when it does not exist yet. The file never enters the database.
 */
export function loadOrCreateSigningKey(file: string): AuditSigningKey {
  if (fs.existsSync(file)) {
    return signingKeyFromPem(fs.readFileSync(file, 'utf8'));
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = generateSigningKey();
  fs.writeFileSync(file, key.privateKey.export({ type: 'pkcs8', format: 'pem' }), {
    mode: 0o600,
    flag: 'wx',
  });
  fs.writeFileSync(`${file}.pub`, key.publicKey.export({ type: 'spki', format: 'pem' }), {
    mode: 0o644,
  });
  return key;
}

/** The exact bytes a checkpoint signs. */
export function checkpointMessage(jurisdiction: string, seq: number, hash: string): Buffer {
  return Buffer.from(`oversight-audit-checkpoint\n${jurisdiction}\n${seq}\n${hash}`, 'utf8');
}

/** One stored checkpoint. */
export interface CheckpointRow {
  seq: number;
  hash: string;
  signed_at: Date;
  key_id: string;
  signature: string;
}

/**
 * Signs the current chain tip and stores the checkpoint. Nothing is written when the tip already
 * has one (an idle log gets no new checkpoints).
 */
export async function writeCheckpoint(
  db: Queryable,
  jurisdiction: string,
  key: AuditSigningKey,
  now: Date,
): Promise<{ seq: number; written: boolean }> {
  const [head] = await db.query<{ last_seq: number; last_hash: string }>(
    `SELECT last_seq::int AS last_seq, last_hash FROM audit_head WHERE jurisdiction = $1`,
    [jurisdiction],
  );
  if (!head || head.last_seq === 0) {
    return { seq: 0, written: false };
  }
  const signature = crypto
    .sign(null, checkpointMessage(jurisdiction, head.last_seq, head.last_hash), key.privateKey)
    .toString('base64');
  const rows = await db.query(
    `INSERT INTO audit_checkpoints (jurisdiction, seq, hash, signed_at, key_id, signature)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (jurisdiction, seq) DO NOTHING RETURNING seq`,
    [jurisdiction, head.last_seq, head.last_hash, now, key.keyId, signature],
  );
  return { seq: head.last_seq, written: rows.length > 0 };
}

/** A checkpoint that does not hold. */
export interface CheckpointProblem {
  seq: number;
  problem: 'checkpoint_signature_invalid' | 'checkpoint_mismatch';
  detail: string;
}

/** The result of checking every checkpoint against its signature and the log. */
export interface CheckpointResult {
  checked: number;
  /** The newest checkpoint's seq (0 when there is none). */
  latestSeq: number;
  problems: CheckpointProblem[];
}

/**
 * Checks every checkpoint: its signature under `publicKey`, and that the log row at its seq still
 * carries the signed hash (an edited, deleted, inserted or reordered row before it changes that
 * hash, or moves the row).
 */
export async function verifyCheckpoints(
  db: Queryable,
  jurisdiction: string,
  publicKey: crypto.KeyObject,
): Promise<CheckpointResult> {
  const checkpoints = await db.query<CheckpointRow>(
    `SELECT seq::int AS seq, hash, signed_at, key_id, signature FROM audit_checkpoints
      WHERE jurisdiction = $1 ORDER BY seq`,
    [jurisdiction],
  );
  const problems: CheckpointProblem[] = [];
  for (const cp of checkpoints) {
    const ok = crypto.verify(
      null,
      checkpointMessage(jurisdiction, cp.seq, cp.hash),
      publicKey,
      Buffer.from(cp.signature, 'base64'),
    );
    if (!ok) {
      problems.push({
        seq: cp.seq,
        problem: 'checkpoint_signature_invalid',
        detail: `checkpoint at seq ${cp.seq} is not signed by key ${publicKeyId(publicKey)}`,
      });
      continue;
    }
    const [row] = await db.query<{ hash: string }>(
      `SELECT hash FROM audit_events WHERE jurisdiction = $1 AND seq = $2`,
      [jurisdiction, cp.seq],
    );
    if (!row || row.hash !== cp.hash) {
      problems.push({
        seq: cp.seq,
        problem: 'checkpoint_mismatch',
        detail: row
          ? `the log at seq ${cp.seq} no longer has the hash signed at ${new Date(cp.signed_at).toISOString()}`
          : `the log has no row ${cp.seq}, signed at ${new Date(cp.signed_at).toISOString()}`,
      });
    }
  }
  return { checked: checkpoints.length, latestSeq: checkpoints.at(-1)?.seq ?? 0, problems };
}

/** The chain check and the checkpoint check together: what `oversight audit verify` reports. */
export interface AuditTrailResult {
  ok: boolean;
  jurisdiction: string;
  checked: number;
  lastSeq: number;
  problems: Array<{ seq: number; problem: string; detail: string }>;
  checkpoints: { checked: number; latestSeq: number; keyId: string | null };
}

/**
 * Verifies the hash chain and, with a public key, every signed checkpoint. Without a key the
 * checkpoints are not checked and `keyId` is null (the result says so rather than passing them).
 */
export async function verifyAuditTrail(
  db: Queryable,
  jurisdiction: string,
  publicKey: crypto.KeyObject | null,
): Promise<AuditTrailResult> {
  const chain = await verifyAuditChain(db, jurisdiction);
  const cps = publicKey
    ? await verifyCheckpoints(db, jurisdiction, publicKey)
    : { checked: 0, latestSeq: 0, problems: [] };
  const problems = [...chain.problems, ...cps.problems].sort((a, b) => a.seq - b.seq);
  return {
    ok: problems.length === 0,
    jurisdiction,
    checked: chain.checked,
    lastSeq: chain.lastSeq,
    problems,
    checkpoints: {
      checked: cps.checked,
      latestSeq: cps.latestSeq,
      keyId: publicKey ? publicKeyId(publicKey) : null,
    },
  };
}
