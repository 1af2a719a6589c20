import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { webcrypto } from "node:crypto";

/** A certificate with its private key, both PEM encoded, plus the raw DER certificate. */
export interface ServerCertificate {
  certPem: string;
  keyPem: string;
  der: Buffer;
}

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/**
 * Generates the self-signed ECDSA P-256 certificate that go-plugin's automatic mutual TLS
 * expects from a plugin: CN and SAN localhost, usable as a CA, for server and client auth.
 */
export async function generateServerCertificate(
  validityMs: number = 30 * 24 * 3600 * 1000,
): Promise<ServerCertificate> {
  const algorithm = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const notBefore = new Date(Date.now() - 60_000);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: "CN=localhost, O=nico",
    notBefore,
    notAfter: new Date(notBefore.getTime() + validityMs),
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature |
          x509.KeyUsageFlags.keyEncipherment |
          x509.KeyUsageFlags.keyCertSign,
        true,
      ),
      new x509.ExtendedKeyUsageExtension(
        [x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth],
        false,
      ),
      new x509.SubjectAlternativeNameExtension([{ type: "dns", value: "localhost" }]),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", keys.privateKey);
  const keyPem = x509.PemConverter.encode(pkcs8, "PRIVATE KEY");
  return { certPem: cert.toString("pem"), keyPem, der: Buffer.from(cert.rawData) };
}

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f; // a positive serial number
  return Buffer.from(bytes).toString("hex");
}

/** Encodes bytes as standard base64 without `=` padding, as Go's RawStdEncoding does. */
export function base64Raw(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64").replace(/=+$/, "");
}
