import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { rawDatabase } from "../db/client";
import { serverEnv } from "../env";
import { DUMMY_HASH, verifyPassword } from "./password";
import { checkSignInAllowed, recordSignInAttempt } from "./sign-in-guard";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // a working day

/** Error codes the sign-in page turns into Vietnamese messages (src/features/accounts/sign-in-form.tsx). */
export const SIGN_IN_ERRORS = { invalid: "INVALID", locked: "LOCKED" } as const;

const credentialsSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(200),
});

function clientAddress(headers: unknown): string {
  const h = (headers ?? {}) as Record<string, string | string[] | undefined>;
  const forwarded = h["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || String(h["x-real-ip"] ?? "local");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function authOptions(): NextAuthOptions {
  const env = serverEnv();
  const secure = (env.NEXTAUTH_URL ?? "").startsWith("https://");
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
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
          const address = clientAddress(request?.headers);
          const verdict = await checkSignInAllowed(username, address);
          if (verdict.locked) throw new Error(SIGN_IN_ERRORS.locked);
          await sleep(verdict.delayMs);
          const user = await rawDatabase().user.findUnique({ where: { username } });
          const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
          const ok = Boolean(user && user.isActive && valid);
          await recordSignInAttempt(username, address, ok);
          if (!ok || !user) throw new Error(SIGN_IN_ERRORS.invalid);
          return { id: user.id, name: user.displayName };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.uid = user.id;
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, issuedAt: token.iat };
      },
    },
  };
}
