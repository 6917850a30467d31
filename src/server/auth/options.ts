import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { rawDatabase } from "../db/client";
import { serverEnv } from "../env";
import { sameSiteRedirect } from "../local-path";
import { clientAddress, trustedProxies } from "./client-address";
import { DUMMY_HASH, verifyPassword } from "./password";
import { beginSignInAttempt, recordSignInSuccess } from "./sign-in-guard";

/** A session unused this long ends (the cookie is refreshed while it is used). */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60; // a working day
/** A session ends this long after sign-in, used or not: a copied cookie does not live for ever. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

/** Error codes the sign-in page turns into Vietnamese messages (src/features/accounts/sign-in-form.tsx). */
export const SIGN_IN_ERRORS = { invalid: "INVALID", locked: "LOCKED" } as const;

/** What a session cookie carries besides next-auth's own claims. */
export type SessionClaims = {
  uid: string;
  /** The user's session generation when they signed in (users.sessionGeneration). */
  gen: number;
  /** When they signed in, in seconds; never refreshed, unlike next-auth's iat. */
  authAt: number;
};

const credentialsSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(200),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Whether a session signed in at `authAt` (seconds) is past its absolute lifetime. */
export const sessionExpired = (authAt: unknown) =>
  typeof authAt !== "number" || nowSeconds() - authAt > SESSION_ABSOLUTE_SECONDS;

class SessionEnded extends Error {}

export function authOptions(): NextAuthOptions {
  const env = serverEnv();
  const secure = (env.NEXTAUTH_URL ?? "").startsWith("https://");
  const trust = trustedProxies(env.TRUSTED_PROXIES);
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 15 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: secure ? "__Secure-kh.session" : "kh.session",
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    providers: [
      CredentialsProvider({
        name: "Tên đăng nhập",
        credentials: {
          username: { label: "Tên đăng nhập", type: "text" },
          password: { label: "Mật khẩu", type: "password" },
        },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
          const { username, password } = parsed.data;
          const address = clientAddress(request?.headers, trust);
          const verdict = await beginSignInAttempt(username, address);
          if (verdict.locked) throw new Error(SIGN_IN_ERRORS.locked);
          await sleep(verdict.delayMs);
          const user = await rawDatabase().user.findUnique({ where: { username } });
          const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
          if (!user || !user.isActive || !valid) throw new Error(SIGN_IN_ERRORS.invalid);
          await recordSignInSuccess(verdict.attemptId, username, address);
          return { id: user.id, name: user.displayName, generation: user.sessionGeneration };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const claims: SessionClaims = {
            uid: user.id,
            gen: (user as { generation?: number }).generation ?? -1,
            authAt: nowSeconds(),
          };
          return { ...token, ...claims };
        }
        // Past its absolute lifetime the session ends here: next-auth then clears the cookie.
        if (sessionExpired(token.authAt)) throw new SessionEnded("session past its absolute lifetime");
        return token;
      },
      async redirect({ url, baseUrl }) {
        return sameSiteRedirect(url, baseUrl);
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, gen: token.gen, authAt: token.authAt };
      },
    },
    events: {
      // Signing out ends every session of the user, on every device and instance, not only this
      // browser's cookie: a copy of the cookie stops working too. Only a current session can do it.
      async signOut({ token }) {
        const claims = token as Partial<SessionClaims> | null;
        if (typeof claims?.uid !== "string" || typeof claims.gen !== "number") return;
        await rawDatabase().user.updateMany({
          where: { id: claims.uid, sessionGeneration: claims.gen },
          data: { sessionGeneration: { increment: 1 } },
        });
      },
    },
    logger: {
      error(code, metadata) {
        // A session that ended by its lifetime is not an error worth a log line.
        const cause = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
        if (code === "JWT_SESSION_ERROR" && cause instanceof SessionEnded) return;
        console.error(`[next-auth] ${code}`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
  };
}
