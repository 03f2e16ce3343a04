/**
 * Function words that carry no topic, per language (primary subtag of a BCP 47 tag).
 * Languages without a list keep every word; TF-IDF weighting still discounts common ones.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

const STOP_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: words(`
    a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
    down during each either few for from further had hadn't has hasn't have haven't having he he'd he'll
    he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is
    isn't it it's its itself just let's may me might more most much must mustn't my myself neither no nor
    not now of off on once one only or other ought our ours ourselves out over own per quite rather said
    same says shall shan't she she'd she'll she's should shouldn't since so some such than that that's the
    their theirs them themselves then there there's these they they'd they'll they're they've this those
    though through thus to too under until up upon us very via was wasn't we we'd we'll we're we've were
    weren't what what's when when's where where's whether which while who who's whom whose why why's will
    with within without won't would wouldn't yet you you'd you'll you're you've your yours yourself
    yourselves mr mrs ms dr
  `),
  de: words(`
    aber als am an auch auf aus bei bin bis bist da damit dann das dass dem den denn der des die dies diese
    dieser dieses doch dort du durch ein eine einem einen einer eines er es etwa für hat hatte hier ich ihr
    ihre im in ist ja jedoch kann kein keine man mit nach nicht noch nun nur ob oder ohne sehr sein seine
    sich sie sind so sowie über um und uns unter vom von vor war waren was wenn werden wie wir wird wurde
    wurden zu zum zur zwischen
  `),
  fr: words(`
    à au aux avec ce ces cette dans de des du elle elles en est et été être il ils je la le les leur leurs
    lui mais me même ne nous on ont ou où par pas pour qu que qui sa sans se ses son sont sur ta te tes
    toi ton tu un une vos votre vous y a été plus comme aussi entre
  `),
  es: words(`
    a al algo como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era es
    esa ese eso esta este esto fue fueron ha han hasta la las le les lo los más me mi muy no nos o para
    pero por que qué se sea ser si sin sobre son su sus también te tu un una uno unos y ya
  `),
  pt: words(`
    a ao aos as até com como da das de dela dele do dos e ela ele eles em entre era essa esse esta este
    foi foram há isso já mais mas me muito na nas não no nos o os ou para pela pelo por que se sem ser
    seu sua são também um uma
  `),
  it: words(`
    a al alla alle anche che chi ci come con da dal dalla degli dei del della delle di e è gli ha hanno
    i il in la le lo ma mi ne nel nella non o per più se si sono su sua suo tra un una uno
  `),
  nl: words(`
    aan al als bij dat de den der die dit door een en er had heb heeft het hij hoe in is je kan maar met
    na naar niet nog of om ook op over te tot uit van voor was wat werd wie wij worden zal ze zich zij zijn
  `),
  zh: words(`
    的 了 是 在 和 与 及 也 就 都 而 对 从 把 被 让 给 这 那 这个 那个 这些 那些 一个 我 你 他 她 它 我们
    你们 他们 她们 之 其 或 等 个 上 中 下 为 以 于 将 并 但 还 又 已 已经 着 过 地 得 吗 呢 吧 啊 有 没有
  `),
  ja: words(`
    の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ ない この
    ため その あっ よう また もの という あり まで られ なる へ か だ これ によって により おり より による
    ず なり られる において ば なかっ なく しかし について せ だっ その後 できる それ う ので なお のみ でき き つ
    における および いう さらに でも ら たり その他 に関する たち ます ん なら
  `),
};

const EMPTY: ReadonlySet<string> = new Set();

/** The stop words of `language` (BCP 47); empty when none are known. */
export function stopWordsFor(language: string): ReadonlySet<string> {
  return STOP_WORDS[primaryLanguage(language)] ?? EMPTY;
}

/** The primary language subtag, lowercased: `en-GB` → `en`, `zh-Hant-TW` → `zh`. */
export function primaryLanguage(language: string): string {
  return (language.split(/[-_]/)[0] ?? '').toLowerCase();
}
