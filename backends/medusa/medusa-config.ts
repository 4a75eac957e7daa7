// Medusa v2 configuration for Dhow's local test backend.
// Written by hand (create-medusa-app is not usable offline). Test-only: never deploy this.
import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// Storefront origins that may call the Store API from a browser: trunk serve (8080), the e2e
// servers (4173 local backend, 4174 this one, 4175 Vendure).
const STOREFRONT_ORIGINS = [
  "http://127.0.0.1:4173",
  "http://127.0.0.1:4174",
  "http://127.0.0.1:4175",
  "http://127.0.0.1:8080",
  "http://localhost:4173",
  "http://localhost:8080",
].join(",")

// Private PostgreSQL cluster started by start.sh (socket dir backends/medusa/.db, port 54329).
const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:54329/dhow_medusa"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    databaseLogging: false,
    http: {
      storeCors: process.env.STORE_CORS || STOREFRONT_ORIGINS,
      adminCors: process.env.ADMIN_CORS || STOREFRONT_ORIGINS,
      authCors: process.env.AUTH_CORS || STOREFRONT_ORIGINS,
      // TEST-ONLY defaults. These are not real secrets: the server only ever runs on
      // 127.0.0.1 for Dhow's tests. Override through the environment for anything else.
      jwtSecret: process.env.JWT_SECRET || "dhow-test-only-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "dhow-test-only-cookie-secret",
    },
  },
  admin: {
    disable: true,
  },
  modules: [
    // No Redis: in-process event bus, cache and workflow engine.
    { resolve: "@medusajs/medusa/event-bus-local", key: Modules.EVENT_BUS },
    { resolve: "@medusajs/medusa/cache-inmemory", key: Modules.CACHE },
    { resolve: "@medusajs/medusa/workflow-engine-inmemory", key: Modules.WORKFLOW_ENGINE },
  ],
})
