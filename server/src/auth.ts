import { readFileSync } from "node:fs";
import {
  SignJWT,
  createLocalJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { ApiError } from "./errors.js";

/** Issuer written into development tokens. */
export const developmentIssuer = "nico-reference-server";

/** Caller identity taken from a verified token. */
export interface Principal {
  subject: string;
  /** Roles per org, keyed by the lower-cased org name. */
  orgs: Map<string, string[]>;
}

/** Token verification settings: an HS256 shared secret, an RS256 JWKS file, or both. */
export interface AuthOptions {
  /** Shared secret for HS256 tokens. */
  jwtSecret?: string;
  /** Path of a JSON Web Key Set with the public keys of RS256 tokens. */
  jwksFile?: string;
}

/** Checks a bearer token and returns the caller, or throws a 401 `ApiError`. */
export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

function readOrgs(payload: JWTPayload): Map<string, string[]> {
  const orgs = new Map<string, string[]>();
  const claim = payload.orgs;
  if (claim === undefined) {
    return orgs;
  }
  if (claim === null || typeof claim !== "object" || Array.isArray(claim)) {
    throw new ApiError("auth_token_invalid", { reason: "claim 'orgs' must be an object" });
  }
  for (const [org, entry] of Object.entries(claim as Record<string, unknown>)) {
    const roles = (entry as { roles?: unknown } | null)?.roles;
    if (!Array.isArray(roles) || !roles.every((role) => typeof role === "string")) {
      throw new ApiError("auth_token_invalid", {
        reason: `claim 'orgs.${org}.roles' must be an array of strings`,
      });
    }
    const key = org.toLowerCase();
    orgs.set(key, [...(orgs.get(key) ?? []), ...roles]);
  }
  return orgs;
}

function describeVerifyError(error: unknown): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  if (error instanceof joseErrors.JWTExpired) {
    return new ApiError("auth_token_expired");
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return new ApiError("auth_token_invalid", { reason: "signing algorithm not accepted" });
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new ApiError("auth_token_invalid", { reason: "signature does not verify" });
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return new ApiError("auth_token_invalid", { reason: `claim '${error.claim}' ${error.reason}` });
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return new ApiError("auth_token_invalid", {
      reason: "no key of the key set matches the token",
    });
  }
  return new ApiError("auth_token_invalid", { reason: "not a well-formed signed JWT" });
}

/**
 * Builds the bearer-token check.
 *
 * HS256 tokens verify against `jwtSecret`, RS256 tokens against the keys of `jwksFile`; every
 * other algorithm, `alg: none` included, is rejected. Tokens must carry `sub` and `exp`.
 */
export function createTokenVerifier(options: AuthOptions): TokenVerifier {
  const secret =
    options.jwtSecret === undefined ? undefined : new TextEncoder().encode(options.jwtSecret);
  let jwks: JWTVerifyGetKey | undefined;
  if (options.jwksFile !== undefined) {
    const keySet = JSON.parse(readFileSync(options.jwksFile, "utf8")) as JSONWebKeySet;
    jwks = createLocalJWKSet(keySet);
  }
  if (secret === undefined && jwks === undefined) {
    throw new Error("Token verification needs a JWT secret or a JWKS file.");
  }

  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === "") {
      throw new ApiError("auth_header_missing");
    }
    const parts = authorization.trim().split(/\s+/);
    if (parts.length !== 2 || parts[0]?.toLowerCase() !== "bearer" || parts[1] === undefined) {
      throw new ApiError("auth_header_invalid");
    }
    const token = parts[1];
    try {
      const verifyOptions = { requiredClaims: ["sub", "exp"] };
      const { payload } = await jwtVerify(
        token,
        async (header, input) => {
          if (header.alg === "HS256" && secret !== undefined) {
            return secret;
          }
          if (header.alg === "RS256" && jwks !== undefined) {
            return jwks(header, input);
          }
          throw new joseErrors.JOSEAlgNotAllowed(`algorithm ${String(header.alg)} is not accepted`);
        },
        { ...verifyOptions, algorithms: ["HS256", "RS256"] },
      );
      return { subject: String(payload.sub), orgs: readOrgs(payload) };
    } catch (error) {
      throw describeVerifyError(error);
    }
  };
}

/**
 * Returns whether a role grants tenant administration: `TENANT_ADMIN` itself, or one prefix segment
 * before it (`NICO_TENANT_ADMIN`); `A_B_TENANT_ADMIN` does not.
 */
export function isTenantAdminRole(role: string): boolean {
  if (role === "TENANT_ADMIN") {
    return true;
  }
  const separator = role.indexOf("_");
  return separator >= 0 && role.slice(separator + 1) === "TENANT_ADMIN";
}

/** Throws 403 unless the caller is a member of `org` with a tenant admin role. */
export function authorizeOrg(principal: Principal, org: string): void {
  const roles = principal.orgs.get(org.toLowerCase());
  if (roles === undefined) {
    throw new ApiError("org_membership_missing", { org });
  }
  if (!roles.some(isTenantAdminRole)) {
    throw new ApiError("tenant_admin_role_missing", { org });
  }
}

/** Options of `signDevelopmentToken`. */
export interface DevelopmentTokenOptions {
  /** HS256 secret the server was started with. */
  secret: string;
  org: string;
  /** Org roles; default `["TENANT_ADMIN"]`. */
  roles?: string[];
  /** Lifetime as seconds or a jose time span such as "1h"; default "1h". */
  ttl?: string | number;
  /** `sub` claim; default "developer". */
  subject?: string;
}

/** Signs an HS256 token that the reference server accepts for local use. */
export async function signDevelopmentToken(options: DevelopmentTokenOptions): Promise<string> {
  const ttl = options.ttl ?? "1h";
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ orgs: { [options.org]: { roles: options.roles ?? ["TENANT_ADMIN"] } } })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(options.subject ?? "developer")
    .setIssuer(developmentIssuer)
    .setIssuedAt(now)
    .setExpirationTime(typeof ttl === "number" ? now + ttl : ttl)
    .sign(new TextEncoder().encode(options.secret));
}
