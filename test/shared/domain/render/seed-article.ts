import type { Article } from '../../../../shared/domain/article';
import type { SiteConfig } from '../../../../shared/domain/render';

/** The site used by the render tests. */
export const SITE: SiteConfig = { baseUrl: 'http://localhost:3000', publication: 'Newsroom Daily' };

/** The four body paragraphs of examples/us-china-ai-dialogue.md. */
export const SEED_PARAGRAPHS = [
  'In a rare moment of diplomatic synchronization, Beijing and Washington have agreed to launch a formal intergovernmental dialogue on Artificial Intelligence. The announcement from China’s Ministry of Foreign Affairs signals a tactical pivot in the most consequential technological rivalry of the 21st century. By establishing a dedicated channel for AI, both superpowers are acknowledging that the rapid deployment of these technologies has outpaced the existing diplomatic architecture.',
  "This development arrives against a backdrop of intensifying friction over semiconductor export controls and the race for computational supremacy. For years, the narrative has been one of 'de-coupling' and containment, as the United States sought to restrict China’s access to high-end chips while Beijing doubled down on domestic innovation. The decision to talk suggests a mutual recognition that unregulated AI development poses systemic risks—from biosecurity threats to the destabilization of global financial markets—that no single nation can manage in isolation.",
  "The scope of the dialogue is expected to be as much about existential safety as it is about technical standards. While the U.S. remains wary of any cooperation that might inadvertently boost China’s military-AI capabilities, the move reflects a 'guardrail' strategy aimed at preventing competition from veering into catastrophe. For Beijing, the dialogue offers a platform to project its image as a responsible global power and a peer competitor that cannot be excluded from the governance of the future global economy.",
  "However, significant hurdles remain, particularly regarding the definition of 'ethical' AI and the role of state surveillance. While the agreement to speak is a breakthrough, the divergent ideological foundations of both nations mean that reaching a consensus on international norms will be a grueling process. This dialogue is less likely to produce a grand bargain and more likely to serve as a pressure valve designed to manage a fundamentally adversarial relationship.",
] as const;

/** The seed draft (examples/us-china-ai-dialogue.md) as a stored article, built by hand. */
export const SEED_ARTICLE: Article = {
  id: 'a-digital-ceasefire-us-and-china-open-high-level-dialogue-on-artificial-intelligence',
  slug: 'a-digital-ceasefire-us-and-china-open-high-level-dialogue-on-artificial-intelligence',
  version: 1,
  status: 'published',
  title: 'A Digital Ceasefire? US and China Open High-Level Dialogue on Artificial Intelligence',
  dek: 'China and the United States have agreed to establish an intergovernmental dialogue mechanism specifically focused on Artificial Intelligence. This move represents a strategic attempt to manage the risks of the high-tech arms race through diplomatic guardrails and institutional communication.',
  section: 'World',
  tags: ['US-China relations', 'artificial intelligence', 'diplomacy', 'AI safety'],
  byline: 'China Daily Brief Editorial',
  publication: 'China Daily Brief',
  language: 'en',
  image: { alt: 'Chinese national flag flying high against a clear blue sky, symbolizing unity and pride.' },
  takeaways: [
    'Formal agreement reached between the U.S. and China to initiate high-level government talks on AI.',
    'The dialogue aims to address the systemic risks and safety concerns associated with rapid AI advancement.',
    "The move signals a shift toward 'de-risking' the relationship despite ongoing trade and technology wars.",
    'Bilateral discussions will likely cover regulatory standards, military applications, and global governance frameworks.',
  ],
  takeawaysSource: 'editor',
  analysis: {
    label: "Editor's Desk",
    title: 'Strategic Analysis',
    body: "This agreement marks a transition from 'pure competition' to 'managed competition.' In the logic of Great Power rivalry, AI is the ultimate force multiplier; the fact that both sides are now willing to sit at the table suggests that the fear of a miscalculated escalation currently outweighs the desire for total technological secrecy. We are witnessing the birth of a new era of 'digital arms control' where the objective is not to stop the opponent's progress, but to ensure that the friction of two competing systems does not lead to a global 'hallucination' of the geopolitical order. The real test will be whether these talks can survive the inevitable political pressures of an election cycle in the West and the national security imperatives in the East.",
  },
  breaking: false,
  body: `${SEED_PARAGRAPHS.join('\n\n')}\n`,
  related: [],
  publishedAt: '2025-03-05T14:30:00.000Z',
  updatedAt: '2025-03-05T14:30:00.000Z',
  draftKey: 'drafts/us-china-ai-dialogue.md',
};
