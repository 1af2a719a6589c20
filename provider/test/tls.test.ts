import { X509Certificate, createPrivateKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import { base64Raw, generateServerCertificate } from "../src/plugin/tls.js";

describe("generateServerCertificate", () => {
  it("names localhost", async () => {
    const cert = new X509Certificate((await generateServerCertificate()).certPem);
    expect(cert.subjectAltName).toBe("DNS:localhost");
  });

  it("is a CA", async () => {
    const cert = new X509Certificate((await generateServerCertificate()).certPem);
    expect(cert.ca).toBe(true);
  });

  it("allows server and client auth", async () => {
    const cert = new X509Certificate((await generateServerCertificate()).certPem);
    expect(cert.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
  });

  it("is signed by its own key", async () => {
    const cert = new X509Certificate((await generateServerCertificate()).certPem);
    expect(cert.verify(cert.publicKey)).toBe(true);
  });

  it("matches its private key", async () => {
    const generated = await generateServerCertificate();
    const cert = new X509Certificate(generated.certPem);
    expect(cert.checkPrivateKey(createPrivateKey(generated.keyPem))).toBe(true);
  });

  it("returns the DER of the PEM", async () => {
    const generated = await generateServerCertificate();
    expect(generated.der.equals(new X509Certificate(generated.certPem).raw)).toBe(true);
  });

  it("covers the requested validity", async () => {
    const cert = new X509Certificate((await generateServerCertificate(3_600_000)).certPem);
    expect(Date.parse(cert.validTo) - Date.parse(cert.validFrom)).toBe(3_600_000);
  });
});

describe("base64Raw", () => {
  it("drops the padding", () => {
    expect(base64Raw(Buffer.from([1, 2]))).toBe("AQI");
  });
});
