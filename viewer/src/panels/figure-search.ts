/**
 * Finding figures by what a person types: the words of a label as a phrase
 * first ("cost per patient" is the figure of that name, not every cost of
 * every patient class), then by word starts, each typed word at the start of
 * a word of the label or of the id ("occ ward" finds "Bed occupancy: Medical
 * wards"). An id typed whole ("cost.total") finds its figure.
 */
export interface Searchable {
  id: string;
  label: string;
}

/** Lower-case words of a label or an id: "beds.medicalWard.meanOccupied" -> beds, medical, ward, mean, occupied. */
function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9%]+/)
    .filter(Boolean);
}

const phraseOf = (words: readonly string[]): string => ` ${words.join(' ')} `;

/** The rows a search finds, in their own order; every row when the search is empty. */
export function searchFigures<T extends Searchable>(rows: readonly T[], filter: string): T[] {
  const typed = filter.trim().toLowerCase();
  if (!typed) return [...rows];
  const idHits = rows.filter((r) => r.id.toLowerCase() === typed);
  if (idHits.length > 0) return idHits;
  const words = wordsOf(typed);
  if (words.length === 0) return [...rows];
  const phrase = phraseOf(words);
  const inLabel = rows.filter((r) => phraseOf(wordsOf(r.label)).includes(phrase));
  if (inLabel.length > 0) return inLabel;
  const inId = rows.filter((r) => r.id.toLowerCase().includes(typed) || phraseOf(wordsOf(r.id)).includes(phrase));
  if (inId.length > 0) return inId;
  return rows.filter((r) => {
    const own = [...wordsOf(r.label), ...wordsOf(r.id)];
    return words.every((w) => own.some((o) => o.startsWith(w)));
  });
}
