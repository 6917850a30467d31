import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

// Public by nature: this is where signing in happens (declared in src/server/permissions.ts).
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, { params: await context.params });
}

export { handler as GET, handler as POST };
