// ltijs 5.9 (the most used open LTI 1.3 framework, Node) on MariaDB through ltijs-sequelize: the
// baseline that benchmarks/launch.sh (LTIJS=1) runs beside the tool, driven by the same
// LaunchBenchmark (-Dbench.target=ltijs). Only for that: it listens on loopback, and its
// /bench/register lets the driver register its platform (issuer and public key) at the start; a
// request without them is refused with 400 and registers nothing.
//   PORT (HTTP port), DB_PORT (MariaDB on 127.0.0.1, user root, database ltijs),
//   LTIJS_KEYS=rsa (default: the platform's public key stored with the registration, ltijs's
//   cheapest check) or jwks (ltijs fetches the platform's key set on every launch, as its
//   README's Canvas example registers it).
const crypto = require('crypto')
const { Provider: lti } = require('ltijs')
const Database = require('ltijs-sequelize')

const port = Number(process.env.PORT || 3000)
const keys = process.env.LTIJS_KEYS || 'rsa'
const db = new Database('ltijs', 'root', '', {
  host: '127.0.0.1',
  port: Number(process.env.DB_PORT || 3306),
  dialect: 'mariadb',
  logging: false
})

const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

lti.setup('bench-encryption-key-' + process.pid, { plugin: db }, {
  appRoute: '/',
  loginRoute: '/login',
  // Plain HTTP on loopback, as the Java tool in the same run; every other check stays on
  // (devMode false: the state cookie, nonce, audience, signature and claims are all verified).
  cookies: { secure: false, sameSite: 'Lax' },
  devMode: false
})

// The first page: who launched, into which course. Smaller than the tool's home page.
lti.onConnect((token, req, res) => {
  const title = token.platformContext?.context?.title
  res.send('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>' + escape(title) +
    '</title></head><body><main><h1>Welcome, ' + escape(token.userInfo?.name) + '</h1><p>' +
    escape(title) + '</p></main></body></html>')
})

lti.whitelist({ route: '/bench/health', method: 'get' }, { route: '/bench/register', method: 'post' })

async function main () {
  await lti.deploy({ serverless: true, silent: true })
  lti.app.get('/bench/health', (req, res) => res.json({ status: 'UP' }))
  lti.app.post('/bench/register', async (req, res) => {
    const { issuer, publicKey } = req.body
    if (typeof issuer !== 'string' || !/^https?:\/\/[^\s]+$/.test(issuer) || (keys === 'rsa' && !isPublicKey(publicKey))) {
      return res.status(400).json({ error: 'issuer (an http(s) URL) and, with LTIJS_KEYS=rsa, publicKey (a PEM public key) are required' })
    }
    try {
      await register(issuer, publicKey)
    } catch (err) {
      return res.status(400).json({ error: 'ltijs refused the registration: ' + err.message })
    }
    res.json({ registered: issuer, keys })
  })
  lti.app.listen(port, '127.0.0.1', () => console.log(`ltijs on 127.0.0.1:${port}, keys ${keys}`))
}

function isPublicKey (pem) {
  try {
    return typeof pem === 'string' && crypto.createPublicKey(pem).type === 'public'
  } catch {
    return false
  }
}

function register (issuer, publicKey) {
  return lti.registerPlatform({
    url: issuer,
    name: 'bench',
    clientId: 'bench-client',
    authenticationEndpoint: issuer + '/authorize',
    accesstokenEndpoint: issuer + '/token',
    authConfig: keys === 'jwks' ? { method: 'JWK_SET', key: issuer + '/jwks' } : { method: 'RSA_KEY', key: publicKey }
  })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
