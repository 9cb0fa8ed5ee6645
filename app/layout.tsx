import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "QueueReady", template: "%s · QueueReady" },
  description: "Get AWS ElastiCache (Redis OSS / Valkey) right for BullMQ, and keep it right.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
