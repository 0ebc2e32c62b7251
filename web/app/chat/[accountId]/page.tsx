import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { VisitorChat } from '@/components/chat/visitor-chat';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('chat'))('title'), robots: { index: false } };
}

/** The chat widget's page: opened directly, or inside the iframe the embed script adds to a site. */
export default async function ChatPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return (
    <main className="mx-auto flex h-screen max-w-lg flex-col bg-white sm:my-6 sm:h-[calc(100vh-3rem)] sm:rounded-xl sm:border sm:border-slate-200 sm:shadow-sm">
      <VisitorChat accountId={accountId} />
    </main>
  );
}
