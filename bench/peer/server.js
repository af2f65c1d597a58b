'use strict';
// The peer of bench/vs-peer.sh: PostGraphile 4.14.1 as a library in one Node process, on Animo's database,
// connected as Animo's app role (neither owner nor superuser, so FORCE ROW LEVEL SECURITY applies to it).
//
// Every request must carry `Authorization: Bearer <access token>` of a tenant realm of the Keycloak that
// Animo uses. The token is verified like Animo verifies it (RS256 with the realm's keys, expiry, issuer
// http://localhost:<port>/realms/<realm>, audience animo-api); the realm is mapped to Animo's tenant row;
// PostGraphile then runs each request in a transaction that starts with
//   select set_config('animo.tenant_id', <tenant>, true), set_config('animo.subject', <sub>, true),
//          set_config('animo.roles', <realm roles>, true)
// so that Animo's row-level security policies and the functions of peer-schema.sql see the caller.
// A request without a valid token gets HTTP 401 and a GraphQL error, never data.
//
// Environment:
//   PEER_PORT          HTTP port on 127.0.0.1 (default 8090); GraphQL at /graphql
//   PEER_DATABASE_URL  postgres://<app role>:<password>@127.0.0.1:5432/<database> (required)
//   PEER_POOL_SIZE     connections (default 32, Animo's reactive pool size)
//   KC_URL             Keycloak base URL as it appears in the tokens' issuer (default http://localhost:8380)
//   PLATFORM_REALM     the operators' realm, which has no tenant data (default animo-platform)
//   PEER_AUDIENCE      required audience (default animo-api)
//   NODE_ENV           bench/vs-peer.sh sets production, as a production user would (graphql-js skips its
//                      development-only checks)
const http = require('http');
const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const { Pool } = require('pg');
const { postgraphile, makeJSONPgSmartTagsPlugin } = require('postgraphile');

const PORT = Number(process.env.PEER_PORT || 8090);
const DATABASE_URL = process.env.PEER_DATABASE_URL;
const POOL_SIZE = Number(process.env.PEER_POOL_SIZE || 32);
const KC_URL = (process.env.KC_URL || 'http://localhost:8380').replace(/\/+$/, '');
const PLATFORM_REALM = process.env.PLATFORM_REALM || 'animo-platform';
const AUDIENCE = process.env.PEER_AUDIENCE || 'animo-api';

// Realm roles, as Animo's io.animo.platform.security.Roles
const TENANT_ROLES = ['tenant-admin', 'community-manager', 'moderator', 'analyst', 'member'];
const INTEGRATION = 'integration';
const REALM_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ISSUER_PREFIX = `${KC_URL}/realms/`;
const NEGATIVE_CACHE_MS = 5000;

if (!DATABASE_URL) {
  console.error('PEER_DATABASE_URL is required');
  process.exit(2);
}

const pool = new Pool({ connectionString: DATABASE_URL, max: POOL_SIZE });
pool.on('error', (error) => console.error('idle PostgreSQL connection failed:', error.message));

class HttpError extends Error {
  constructor(statusCode, code, message) {
    super(message);
    this.statusCode = statusCode;
    this.extensions = { code };
  }
}
const unauthenticated = () => new HttpError(401, 'UNAUTHENTICATED', 'A valid access token is required.');

// ---------------------------------------------------------------------------------------------------------
// Per-realm caches, each filled once (one promise per realm, so concurrent first requests share one lookup).
// A realm that is no tenant, or whose keys cannot be fetched, is refused for NEGATIVE_CACHE_MS, then looked
// up again.
// ---------------------------------------------------------------------------------------------------------
function onceCache(load) {
  const entries = new Map();
  return (key) => {
    const entry = entries.get(key);
    if (entry && (entry.expires === 0 || entry.expires > Date.now())) {
      return entry.value;
    }
    const value = load(key).then(
      (result) => {
        if (result == null) {
          entries.set(key, { value, expires: Date.now() + NEGATIVE_CACHE_MS });
        }
        return result;
      },
      (error) => {
        console.error(`lookup of ${key} failed: ${error.message}`);
        entries.set(key, { value: Promise.resolve(null), expires: Date.now() + NEGATIVE_CACHE_MS });
        return null;
      },
    );
    entries.set(key, { value, expires: 0 });
    return value;
  };
}

// Animo's tenant table has no row-level security and the app role may read it (V1__tenancy.sql).
const tenantOf = onceCache(async (realm) => {
  const { rows } = await pool.query('select id, status from tenant where realm = $1', [realm]);
  return rows.length === 1 ? { id: rows[0].id, status: rows[0].status } : null;
});

// The realm's RS256 signing keys by kid, from its JWKS (fetched once).
const keysOf = onceCache(async (realm) => {
  const response = await fetch(`${ISSUER_PREFIX}${realm}/protocol/openid-connect/certs`, {
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) {
    throw new Error(`JWKS of realm ${realm}: HTTP ${response.status}`);
  }
  const keys = new Map();
  for (const jwk of (await response.json()).keys || []) {
    if (jwk.kty === 'RSA' && (jwk.use === undefined || jwk.use === 'sig') && (!jwk.alg || jwk.alg === 'RS256')) {
      keys.set(jwk.kid, crypto.createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' }));
    }
  }
  return keys.size > 0 ? keys : null;
});

// ---------------------------------------------------------------------------------------------------------
// The per-request transaction settings
// ---------------------------------------------------------------------------------------------------------
async function pgSettings(req) {
  const header = req.headers.authorization || '';
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header);
  if (!match) {
    throw unauthenticated();
  }
  const token = match[1];
  // The unverified issuer only chooses the realm; the signature, issuer, audience and expiry are checked below.
  const unverified = jwt.decode(token, { complete: true });
  const issuer = unverified && unverified.payload && unverified.payload.iss;
  if (typeof issuer !== 'string' || !issuer.startsWith(ISSUER_PREFIX)) {
    throw unauthenticated();
  }
  const realm = issuer.slice(ISSUER_PREFIX.length);
  if (!REALM_PATTERN.test(realm)) {
    throw unauthenticated();
  }
  if (realm === PLATFORM_REALM) {
    throw new HttpError(403, 'FORBIDDEN', 'Operators of the platform realm have no tenant data.');
  }
  const tenant = await tenantOf(realm);
  if (tenant == null) {
    throw unauthenticated(); // no realm the service serves
  }
  const keys = await keysOf(realm);
  const key = keys && keys.get(unverified.header.kid);
  if (!key) {
    throw unauthenticated();
  }
  let claims;
  try {
    claims = jwt.verify(token, key, { algorithms: ['RS256'], issuer, audience: AUDIENCE });
  } catch (error) {
    throw unauthenticated();
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') {
    throw unauthenticated();
  }
  if (tenant.status !== 'ACTIVE') {
    throw new HttpError(403, 'TENANT_SUSPENDED', 'This tenant is suspended.');
  }
  const roles = (claims.realm_access && Array.isArray(claims.realm_access.roles) ? claims.realm_access.roles : [])
    .filter((role) => typeof role === 'string');
  if (roles.includes(INTEGRATION)) {
    throw new HttpError(403, 'FORBIDDEN', 'The integration account only ingests content.');
  }
  const tenantRoles = roles.filter((role) => TENANT_ROLES.includes(role));
  if (tenantRoles.length === 0) {
    throw new HttpError(403, 'FORBIDDEN', `This needs one of the roles ${TENANT_ROLES.join(', ')}.`);
  }
  return {
    'animo.tenant_id': tenant.id,
    'animo.subject': claims.sub,
    'animo.roles': tenantRoles.join(','),
  };
}

// ---------------------------------------------------------------------------------------------------------
// PostGraphile, with the options a production user sets for speed
// ---------------------------------------------------------------------------------------------------------
// The tenant registry is Animo's operators' business: not part of the peer's API.
const smartTags = makeJSONPgSmartTagsPlugin({
  version: 1,
  config: { class: { 'public.tenant': { tags: { omit: true } } } },
});

const handler = postgraphile(pool, ['public', 'animo_peer'], {
  graphqlRoute: '/graphql',
  graphiql: false,
  watchPg: false,
  disableQueryLog: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  enableQueryBatching: false,
  disableDefaultMutations: true, // the one mutation is animo_peer.message_post
  legacyRelations: 'omit',
  subscriptions: false,
  retryOnInitFail: false,
  bodySizeLimit: '64kb', // Animo: quarkus.http.limits.max-body-size=64K
  showErrorStack: false,
  extendedErrors: ['errcode'],
  appendPlugins: [smartTags],
  pgSettings,
});

const server = http.createServer(handler);
server.keepAliveTimeout = 65000;
server.listen(PORT, '127.0.0.1', () => {
  console.log(`peer: PostGraphile 4.14.1 on http://127.0.0.1:${PORT}/graphql (pool ${POOL_SIZE})`);
});

function shutdown(signal) {
  console.log(`peer: ${signal}, stopping`);
  server.close(() => pool.end().finally(() => process.exit(0)));
  server.closeIdleConnections && server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
