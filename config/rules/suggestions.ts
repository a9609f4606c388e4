/** The candidate a mistyped word most likely meant: `userpool` → `userPool`, `cognito-userpool` → `cognito-user-pool`. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
    const typed = word.toLowerCase();
    // Up to one edit in four characters (at least two) still reads as a typo rather than another word.
    const tolerance = Math.max(2, Math.floor(typed.length / 4));
    let best: { candidate: string; distance: number } | undefined;
    for (const candidate of candidates) {
        const distance = editDistance(typed, candidate.toLowerCase());
        if (distance <= tolerance && (best === undefined || distance < best.distance)) {
            best = { candidate, distance };
        }
    }
    return best?.candidate;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

/** `; did you mean cognito-user-pool:userPool?` for a suggestion, nothing without one. */
export function didYouMean(suggestion: string | undefined): string {
    return suggestion === undefined ? "" : `; did you mean ${suggestion}?`;
}
