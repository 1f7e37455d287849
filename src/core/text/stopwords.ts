/**
 * Stop words of the major languages, case-folded and without diacritics (tokens are folded the same
 * way before lookup). Short lists on purpose: only function words and headline filler that carry no
 * story evidence. Content words stay, rare ones are weighted up by IDF anyway.
 */
const ENGLISH = `a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing dont down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just me more most
my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours yourself yourselves
says said say may might must shall us than get gets got via amid new s t its im ive youre theyre isnt wont cant
didnt doesnt`;

const FRENCH = `au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me meme mes
moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre
vous c d j l m n s t y ete etre avoir est sont a ont fait plus selon apres contre entre sans sous chez cette cet`;

const GERMAN = `aber als am an auch auf aus bei bin bis bist da damit dann der den des dem die das dass du er es
ein eine einem einen einer eines fur hat hatte haben ich ihr im in ist ja kein keine mit nach nicht noch nun nur
ob oder sein seine sich sie sind so uber um und uns unter vom von vor war waren was wie wir wird werden zu zum zur
gegen wegen`;

const SPANISH = `al algo como con contra de del desde el ella ellos en entre era es esa ese esta este esto hay la
las le les lo los mas me mi muy no nos o para pero por que se ser si sin sobre su sus tambien te tras un una uno
unos y ya ha han fue son`;

const ITALIAN = `ai al alla alle anche che chi con da dal dalla dei del della delle di e gli ha i il in la le lo
ma nei nel nella non o per piu se si sono su sul sulla tra un una uno`;

const PORTUGUESE = `ao aos as com como da das de do dos e ela ele em entre mais mas na nas no nos o os ou para pela
pelo por que se sem sua seu um uma foi sao`;

const DUTCH = `aan als bij dat de den der die dit door een en er het heeft hij in is met naar niet of om ook op over
te tot uit van voor was wat werd wordt zijn ze zich`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  [ENGLISH, FRENCH, GERMAN, SPANISH, ITALIAN, PORTUGUESE, DUTCH].flatMap((list) => list.split(/\s+/)).filter((w) => w.length > 0),
);

/** Particles of unspaced scripts that the word segmenter returns as words of their own. */
export const CJK_PARTICLES: ReadonlySet<string> = new Set(
  '的 了 是 在 和 与 及 也 就 都 而 着 之 于 为 对 将 被 把 这 那 有 の は が を に で と も へ や から まで より です ます した する ที่ และ ของ ใน เป็น ได้ ให้ ว่า จะ มี กับ'.split(
    ' ',
  ),
);
