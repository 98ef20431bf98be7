// Trainer mode's words, from _locales (keys prefixed lesson_), in the browser's language. Both languages
// are written here once; src/_locales/{en,fr}/messages.json carry the same entries for the browser.
import browser from '../../shared/browser';

export const LESSON_MESSAGES = {
  lesson_trainer: ['Trainer mode', 'Mode formateur'],
  lesson_author: ['Author a lesson', 'Préparer une leçon'],
  lesson_present: ['Present', 'Présenter'],
  lesson_quiz: ['Quiz', 'Quiz'],
  lesson_close: ['Close trainer mode', 'Quitter le mode formateur'],
  lesson_title: ['Lesson title', 'Titre de la leçon'],
  lesson_save: ['Save the lesson', 'Enregistrer la leçon'],
  lesson_saved: ['Lesson saved.', 'Leçon enregistrée.'],
  lesson_saveFailed: ['The lesson could not be saved: $1', 'La leçon n’a pas pu être enregistrée : $1'],
  lesson_engineFlags: ['Flags found on this page', 'Repérages trouvés sur cette page'],
  lesson_noEngineFlags: ['The page shows no flag to pick.', 'Aucun repérage à choisir sur cette page.'],
  lesson_addFlag: ['Add to the lesson', 'Ajouter à la leçon'],
  lesson_added: ['In the lesson', 'Dans la leçon'],
  lesson_customFlag: ['Your own flag', 'Votre propre repérage'],
  lesson_selectHint: [
    'Select words in the article, choose what they are, then add them.',
    'Sélectionnez des mots de l’article, indiquez ce qu’ils sont, puis ajoutez-les.',
  ],
  lesson_selection: ['Selected: $1', 'Sélection : $1'],
  lesson_noSelection: ['Nothing selected in the article.', 'Rien n’est sélectionné dans l’article.'],
  lesson_addSelection: ['Add the selection', 'Ajouter la sélection'],
  lesson_category: ['Kind', 'Nature'],
  lesson_speaker: ['Who speaks', 'Qui parle'],
  lesson_note: ['Trainer’s note', 'Note du formateur'],
  lesson_steps: ['Steps ($1)', 'Étapes ($1)'],
  lesson_noSteps: ['No step yet.', 'Aucune étape pour l’instant.'],
  lesson_moveUp: ['Move up', 'Monter'],
  lesson_moveDown: ['Move down', 'Descendre'],
  lesson_remove: ['Remove', 'Retirer'],
  lesson_orphans: ['Steps that no longer attach ($1)', 'Étapes qui ne se rattachent plus ($1)'],
  lesson_orphanHint: [
    'The page changed: these words were not found. They stay in the lesson until you remove them.',
    'La page a changé : ces mots sont introuvables. Ils restent dans la leçon tant que vous ne les retirez pas.',
  ],
  lesson_attached: ['$1 of $2 steps attached to this page.', '$1 étapes sur $2 rattachées à cette page.'],
  lesson_keepText: ['Keep the article’s text (for offline use)', 'Garder le texte de l’article (hors ligne)'],
  lesson_step: ['Step $1 of $2', 'Étape $1 sur $2'],
  lesson_provenance: ['Provenance note', 'Note de provenance'],
  lesson_keys: [
    '→ or space: next · ←: previous · Escape: leave',
    '→ ou espace : suivant · ← : précédent · Échap : quitter',
  ],
  lesson_next: ['Next', 'Suivant'],
  lesson_previous: ['Previous', 'Précédent'],
  lesson_summary: ['Who spoke in this article', 'Qui a parlé dans cet article'],
  lesson_summarySpeakers: ['Speakers', 'Locuteurs'],
  lesson_end: ['End of the lesson', 'Fin de la leçon'],
  lesson_quizIntro: [
    'Find who speaks. Select words in the article that attribute a statement or name a source, say who speaks, then mark them. Reveal when you are done.',
    'Trouvez qui parle. Sélectionnez les mots de l’article qui attribuent une déclaration ou nomment une source, dites qui parle, puis marquez-les. Révélez quand vous avez fini.',
  ],
  lesson_mark: ['Mark the selection', 'Marquer la sélection'],
  lesson_yourMarks: ['Your marks ($1)', 'Vos marques ($1)'],
  lesson_reveal: ['Reveal', 'Révéler'],
  lesson_tryAgain: ['Try again', 'Recommencer'],
  lesson_score: ['Score: $1%', 'Score : $1 %'],
  lesson_scoreDetail: [
    '$1 found, $2 with the right kind, $3 missed, $4 extra',
    '$1 trouvés, $2 de la bonne nature, $3 manqués, $4 en trop',
  ],
  lesson_found: ['Found', 'Trouvé'],
  lesson_missed: ['Missed', 'Manqué'],
  lesson_extra: ['Extra', 'En trop'],
  lesson_rightKind: ['right kind', 'bonne nature'],
  lesson_wrongKind: ['you said $1; it is $2', 'vous avez dit $1 ; c’est $2'],
  lesson_extraHint: ['not in the key', 'absent du corrigé'],
  lesson_keyFromEngine: [
    'No lesson on this page: the key is what the engine found.',
    'Pas de leçon sur cette page : le corrigé est ce que le moteur a trouvé.',
  ],
  lesson_cat_state_media: ['state media', 'média d’État'],
  lesson_cat_government: ['government', 'gouvernement'],
  lesson_cat_media: ['news outlet', 'média'],
  lesson_cat_unnamed: ['unnamed source', 'source anonyme'],
  lesson_cat_other: ['other source', 'autre source'],
  lesson_cat_hedge: ['hedge (unconfirmed claim)', 'précaution (affirmation non confirmée)'],
  lesson_lessons: ['Lessons', 'Leçons'],
  lesson_pageTitle: ['Provenance Lens lessons', 'Leçons Provenance Lens'],
  lesson_none: ['No lesson yet.', 'Aucune leçon pour l’instant.'],
  lesson_import: ['Import a lesson file', 'Importer un fichier de leçon'],
  lesson_imported: ['Imported: $1', 'Importé : $1'],
  lesson_importFailed: ['Not imported. $1 $2', 'Rien n’a été importé. $1 $2'],
  lesson_export: ['Export', 'Exporter'],
  lesson_delete: ['Delete', 'Supprimer'],
  lesson_open: ['Open the article', 'Ouvrir l’article'],
  lesson_newLesson: ['New lesson on a page', 'Nouvelle leçon sur une page'],
  lesson_pageUrl: ['Address of the article', 'Adresse de l’article'],
  lesson_stepsCount: ['$1 steps', '$1 étapes'],
  lesson_offline: ['works offline', 'fonctionne hors ligne'],
  lesson_demos: ['Demo articles (no network needed)', 'Articles de démonstration (sans réseau)'],
  lesson_demoNotice: [
    'Demo copy of the article, shown by Provenance Lens for training. Original: $1',
    'Copie de démonstration de l’article, affichée par Provenance Lens pour la formation. Original : $1',
  ],
  lesson_permission: [
    'Provenance Lens needs your permission to open the trainer on this site.',
    'Provenance Lens a besoin de votre autorisation pour ouvrir le mode formateur sur ce site.',
  ],
} as const;

export type LessonMessageKey = keyof typeof LESSON_MESSAGES;

function substitute(text: string, subs: readonly string[]): string {
  return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

export function t(key: LessonMessageKey, ...subs: Array<string | number>): string {
  const s = subs.map(String);
  let text: string | undefined;
  try {
    text = browser.i18n.getMessage(key, s);
  } catch {
    text = undefined;
  }
  return text || substitute(LESSON_MESSAGES[key][0], s);
}

export function categoryName(category: string): string {
  const key = `lesson_cat_${category.replace('-', '_')}` as LessonMessageKey;
  return key in LESSON_MESSAGES ? t(key) : category;
}
