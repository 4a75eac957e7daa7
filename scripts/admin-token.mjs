// Prints an admin token for a test server on 127.0.0.1 (scripts/backends.sh), for tools that
// read its admin API in the test command (the recommendation builder). Test servers only: their
// credentials are the ones backends/*/ set up, overridable by the same variables.
//   node scripts/admin-token.mjs medusa|vendure
const env = process.env;
const backend = process.argv[2];

async function medusa() {
  const answer = await fetch(`${env.DHOW_MEDUSA_URL || 'http://127.0.0.1:9000'}/auth/user/emailpass`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: env.DHOW_MEDUSA_ADMIN_EMAIL || 'admin@dhow.test',
      password: env.DHOW_MEDUSA_ADMIN_PASSWORD || 'dhow-test-only-admin',
    }),
  });
  if (!answer.ok) throw new Error(`Medusa refused the admin sign-in (HTTP ${answer.status})`);
  return (await answer.json()).token;
}

async function vendure() {
  const answer = await fetch(env.DHOW_VENDURE_ADMIN_URL || 'http://127.0.0.1:3000/admin-api', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }',
      variables: {
        u: env.DHOW_VENDURE_SUPERADMIN_USERNAME || 'superadmin',
        p: env.DHOW_VENDURE_SUPERADMIN_PASSWORD || 'superadmin',
      },
    }),
  });
  const body = await answer.json();
  const token = answer.headers.get('vendure-auth-token');
  if (!token || body.data?.login?.__typename !== 'CurrentUser') {
    throw new Error(`Vendure refused the admin sign-in: ${JSON.stringify(body).slice(0, 200)}`);
  }
  return token;
}

const read = { medusa, vendure }[backend];
if (!read) {
  console.error('usage: node scripts/admin-token.mjs medusa|vendure');
  process.exit(2);
}
read().then((token) => console.log(token), (error) => {
  console.error(`admin-token: ${error.message}`);
  process.exit(1);
});
