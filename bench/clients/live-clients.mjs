// The reference graphql-ws client and Apollo Client (GraphQLWsLink), unmodified, subscribe to
// engagementUpdated on a running Animo; a message is then posted and both must see the figures move.
// Another tenant's client subscribes to the same community and must be refused.
//   ANIMO_URL=http://localhost:8089 TOKEN=... OTHER_TOKEN=... COMMUNITY=... THREAD=... node live-clients.mjs
// Prints PASS or FAIL lines; exit 0 only when every check passed.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ApolloClient, InMemoryCache, gql } from '@apollo/client/core/index.js';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions/index.js';

const { ANIMO_URL, TOKEN, OTHER_TOKEN, COMMUNITY, THREAD } = process.env;
const wsUrl = ANIMO_URL.replace(/^http/, 'ws') + '/graphql';
const LIVE = `subscription Live($c: ID, $t: String) {
  engagementUpdated(communityId: $c, metrics: [MESSAGES], resumeToken: $t) { communityId at values { metric value } resumeToken }
}`;
const messages = (update) => update.values.find((v) => v.metric === 'MESSAGES').value;
const results = [];
const check = (ok, what) => { results.push(ok); console.log(`${ok ? 'PASS' : 'FAIL'} ${what}`); };
const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(`timeout: ${what}`)), ms));

function wsClient(token) {
  return createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: () => ({ Authorization: `Bearer ${token}` }) });
}

// graphql-ws: every snapshot into a list
const plain = wsClient(TOKEN);
const plainSeen = [];
let plainError = null;
plain.subscribe({ query: LIVE, variables: { c: COMMUNITY } }, {
  next: ({ data, errors }) => (errors ? (plainError = errors) : plainSeen.push(data.engagementUpdated)),
  error: (e) => (plainError = e), complete: () => {},
});

// Apollo Client over GraphQLWsLink
const apollo = new ApolloClient({ link: new GraphQLWsLink(wsClient(TOKEN)), cache: new InMemoryCache() });
const apolloSeen = [];
let apolloError = null;
const apolloSubscription = apollo.subscribe({ query: gql(LIVE), variables: { c: COMMUNITY } }).subscribe({
  next: ({ data }) => apolloSeen.push(data.engagementUpdated), error: (e) => (apolloError = e),
});

// another tenant, same community id
const outsider = wsClient(OTHER_TOKEN);
const outsiderOutcome = new Promise((resolve) => outsider.subscribe({ query: LIVE, variables: { c: COMMUNITY } }, {
  next: ({ data, errors }) => resolve({ data, errors }), error: (errors) => resolve({ errors }), complete: () => resolve({}),
}));

async function until(predicate, what, ms = 15000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timeout: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

try {
  await until(() => plainSeen.length > 0 && apolloSeen.length > 0, 'first snapshots');
  check(true, `graphql-ws and Apollo Client both got the first snapshot (MESSAGES ${messages(plainSeen[0])})`);
  const before = messages(plainSeen.at(-1));
  const response = await fetch(`${ANIMO_URL}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({
      query: 'mutation P($input: MessagePostInput!) { messagePost(input: $input) { outcome userErrors { code } } }',
      variables: { input: { threadId: THREAD, body: 'Posted while two real clients watch' } },
    }),
  });
  const posted = await response.json();
  check(posted.data?.messagePost?.outcome === 'PUBLISHED', 'the message was published');
  await until(() => messages(plainSeen.at(-1)) > before && messages(apolloSeen.at(-1)) > before, 'the figures to move');
  check(true, `both clients saw MESSAGES go from ${before} to ${messages(plainSeen.at(-1))}`);
  check(plainError === null && apolloError === null, 'no error on either client');
  const outsiderResult = await Promise.race([outsiderOutcome, timeout(15000, 'the outsider\'s answer')]);
  const refused = JSON.stringify(outsiderResult.errors ?? '').includes('NOT_FOUND') && !outsiderResult.data?.engagementUpdated;
  check(refused, `another tenant's client is refused the community: ${JSON.stringify(outsiderResult.errors)}`);

  // resume: a new graphql-ws client with the last token gets nothing until something changes
  const resumed = wsClient(TOKEN);
  const resumedSeen = [];
  resumed.subscribe({ query: LIVE, variables: { c: COMMUNITY, t: plainSeen.at(-1).resumeToken } },
    { next: ({ data }) => resumedSeen.push(data?.engagementUpdated), error: () => {}, complete: () => {} });
  await new Promise((r) => setTimeout(r, 2500));
  check(resumedSeen.length === 0, 'a client resuming with the last token gets nothing while nothing changed');
  await resumed.dispose();
} catch (e) {
  check(false, e.message);
} finally {
  apolloSubscription.unsubscribe();
  await plain.dispose();
  await outsider.dispose();
  apollo.stop();
}
process.exit(results.every(Boolean) ? 0 : 1);
