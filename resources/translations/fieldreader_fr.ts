<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <source>Export Field &amp;Pack…</source>
        <translation type="vanished">Exp&amp;orter un paquet terrain…</translation>
    </message>
    <message>
        <source>Import Field Pac&amp;k…</source>
        <translation type="vanished">I&amp;mporter un paquet terrain…</translation>
    </message>
    <message>
        <source>S&amp;ync with Team Folder</source>
        <translation type="vanished">&amp;Synchroniser avec le dossier d’équipe</translation>
    </message>
    <message>
        <source>&amp;Team Folder…</source>
        <translation type="vanished">Dossier d’équip&amp;e…</translation>
    </message>
    <message>
        <source>Sync at &amp;Start</source>
        <translation type="vanished">Synchroniser au démarra&amp;ge</translation>
    </message>
    <message>
        <source>&amp;Coder Name…</source>
        <translation type="vanished">Nom du &amp;codeur…</translation>
    </message>
    <message>
        <source>Con&amp;flict Copies…</source>
        <translation type="vanished">Copies en conf&amp;lit…</translation>
    </message>
    <message>
        <source>Coder &amp;Agreement…</source>
        <translation type="vanished">&amp;Accord entre codeurs…</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Fieldreader</source>
        <extracomment>The dialog&apos;s size when the screen has room for it.</extracomment>
        <translation>À propos de Fieldreader</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fieldreader&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Fieldreader&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <source>An offline reader for news, reports and notes. Everything stays in one file on this computer:</source>
        <translation>Un lecteur hors ligne pour l’actualité, les rapports et les notes. Tout reste dans un seul fichier sur cet ordinateur&#xa0;:</translation>
    </message>
    <message>
        <source>Made with these parts, under their licences (select one to read it):</source>
        <translation>Construit avec ces composants, sous leurs licences (choisissez-en un pour la lire)&#xa0;:</translation>
    </message>
    <message>
        <source>{0}: {1}. The licence text is not included in this installation.</source>
        <translation>{0}&#xa0;: {1}. Le texte de la licence n’est pas inclus dans cette installation.</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Agreement Between Coders</source>
        <translation>Accord entre codeurs</translation>
    </message>
    <message>
        <source>{a} and {b}: overall kappa {kappa}, over {n} sentences of {m} articles both reviewed (a sentence counts for a coder when one of their accepted codings of the dimension overlaps it).</source>
        <translation>{a} et {b}&#xa0;: kappa global {kappa}, sur {n} phrases de {m} articles revus par les deux (une phrase compte pour un codeur quand l’un de ses codages acceptés de la dimension la recouvre).</translation>
    </message>
</context>
<context>
    <name>AgreementModel</name>
    <message>
        <source>undefined</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Grille de codage</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <source>Only A</source>
        <translation>A seulement</translation>
    </message>
    <message>
        <source>Only B</source>
        <translation>B seulement</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>Aucun</translation>
    </message>
</context>
<context>
    <name>ArticleChooser</name>
    <message>
        <source>Choose Articles for a Case</source>
        <translation>Choisir les articles d’un cas</translation>
    </message>
    <message>
        <source>in the other case</source>
        <translation>dans l’autre cas</translation>
    </message>
    <message>
        <source>{0} marks the articles the other case has already.</source>
        <translation>{0} signale les articles que l’autre cas contient déjà.</translation>
    </message>
    <message>
        <source>Filter by title</source>
        <translation>Filtrer par titre</translation>
    </message>
    <message>
        <source>Tick All</source>
        <translation>Tout cocher</translation>
    </message>
    <message>
        <source>Tick None</source>
        <translation>Tout décocher</translation>
    </message>
    <message>
        <source>Tick the articles that make up this case.</source>
        <translation>Cochez les articles qui forment ce cas.</translation>
    </message>
    <message>
        <source>Also in the other case: {0}. Their passages would count on both sides.</source>
        <translation>Aussi dans l’autre cas&#xa0;: {0}. Leurs passages compteraient des deux côtés.</translation>
    </message>
    <message>
        <source>Move to dimension</source>
        <translation>Déplacer vers la dimension</translation>
    </message>
</context>
<context>
    <name>ArticleEditDialog</name>
    <message>
        <source>Edit Article</source>
        <translation>Modifier l’article</translation>
    </message>
    <message>
        <source>Who wrote it</source>
        <translation>Qui l’a écrit</translation>
    </message>
    <message>
        <source>Outlet or site</source>
        <translation>Média ou site</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sans date</translation>
    </message>
    <message>
        <source>The article says nothing about when it appeared</source>
        <translation>L’article ne dit pas quand il a paru</translation>
    </message>
    <message>
        <source>Separated by commas, e.g. drc, minerals</source>
        <translation>Séparées par des virgules, p. ex. rdc, minerais</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Byline:</source>
        <translation>Si&amp;gnature&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>É&amp;tiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>Importé le %1</translation>
    </message>
    <message>
        <source>A language the app knows, or any two- or three-letter code</source>
        <translation>Une langue que l’application connaît, ou tout code de deux ou trois lettres</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non précisée</translation>
    </message>
    <message>
        <source>An article needs a title.</source>
        <translation>Un article doit avoir un titre.</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <source>Title</source>
        <extracomment>Column -&gt; the library&apos;s sort key; the Tags column does not sort.</extracomment>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Sort by title</source>
        <translation>Trier par titre</translation>
    </message>
    <message>
        <source>Sort by source</source>
        <translation>Trier par source</translation>
    </message>
    <message>
        <source>Sort by date (articles with no date last)</source>
        <translation>Trier par date (les articles sans date à la fin)</translation>
    </message>
    <message>
        <source>No date</source>
        <translation type="vanished">Sans date</translation>
    </message>
</context>
<context>
    <name>CaseControls</name>
    <message>
        <source>The first case: a tag, or articles you choose</source>
        <translation>Le premier cas&#xa0;: une étiquette, ou des articles que vous choisissez</translation>
    </message>
    <message>
        <source>The second case: a tag, or articles you choose</source>
        <translation>Le second cas&#xa0;: une étiquette, ou des articles que vous choisissez</translation>
    </message>
    <message>
        <source>The codebook the cases are coded with</source>
        <translation>La grille de codage appliquée aux cas</translation>
    </message>
    <message>
        <source>Which codings count as evidence</source>
        <translation>Les codages qui comptent comme éléments de preuve</translation>
    </message>
    <message>
        <source>Whose codings are the evidence</source>
        <translation>Les codages de qui servent d’éléments de preuve</translation>
    </message>
    <message>
        <source>with</source>
        <translation>avec</translation>
    </message>
    <message>
        <source>Chosen articles…</source>
        <translation>Articles choisis…</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Tous les codeurs</translation>
    </message>
    <message>
        <source>Coder: {0}</source>
        <translation>Codeur&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Comparaison en cours…</translation>
    </message>
</context>
<context>
    <name>CheckDone</name>
    <message>
        <source>{n} article</source>
        <extracomment>Problems :func:`repair_task` can fix: those the core marks so, and stale mentions (extracted again, as ``fieldreader check --repair`` does). table -&gt; (one, several): what a count of its rows is called, ``{n}`` the number.</extracomment>
        <translation>{n} article</translation>
    </message>
    <message>
        <source>{n} articles</source>
        <translation>{n} articles</translation>
    </message>
    <message>
        <source>{n} in the trash</source>
        <translation>{n} dans la corbeille</translation>
    </message>
    <message>
        <source>{n} note</source>
        <translation>{n} note</translation>
    </message>
    <message>
        <source>{n} notes</source>
        <translation>{n} notes</translation>
    </message>
    <message>
        <source>{n} entity</source>
        <translation>{n} entité</translation>
    </message>
    <message>
        <source>{n} entities</source>
        <translation>{n} entités</translation>
    </message>
    <message>
        <source>{n} entity mention</source>
        <translation>{n} mention d’entité</translation>
    </message>
    <message>
        <source>{n} entity mentions</source>
        <translation>{n} mentions d’entités</translation>
    </message>
    <message>
        <source>{n} coding</source>
        <translation>{n} codage</translation>
    </message>
    <message>
        <source>{n} codings</source>
        <translation>{n} codages</translation>
    </message>
    <message>
        <source>{n} article in the library</source>
        <translation>{n} article dans la bibliothèque</translation>
    </message>
    <message>
        <source>{n} articles in the library</source>
        <translation>{n} articles dans la bibliothèque</translation>
    </message>
    <message>
        <source>The library was repaired and is healthy now.</source>
        <translation>La bibliothèque a été réparée et elle est maintenant saine.</translation>
    </message>
    <message>
        <source>Repaired what could be repaired; {n} problem remains.</source>
        <translation>Ce qui pouvait l’être a été réparé&#x202f;; il reste {n} problème.</translation>
    </message>
    <message>
        <source>Repaired what could be repaired; {n} problems remain.</source>
        <translation>Ce qui pouvait l’être a été réparé&#x202f;; il reste {n} problèmes.</translation>
    </message>
    <message>
        <source>The library is healthy.</source>
        <translation>La bibliothèque est saine.</translation>
    </message>
    <message>
        <source>Fieldreader found {n} problem in the library.</source>
        <translation>Fieldreader a trouvé {n} problème dans la bibliothèque.</translation>
    </message>
    <message>
        <source>Fieldreader found {n} problems in the library.</source>
        <translation>Fieldreader a trouvé {n} problèmes dans la bibliothèque.</translation>
    </message>
    <message>
        <source>Checked {counts}.</source>
        <translation>Vérifié&#xa0;: {counts}.</translation>
    </message>
    <message>
        <source>… and {n} more (see details)</source>
        <translation>… et {n} de plus (voir les détails)</translation>
    </message>
    <message>
        <source>Repair can fix all of them safely.</source>
        <translation>La réparation peut tous les corriger sans risque.</translation>
    </message>
    <message>
        <source>Repair can fix {n} of them safely.</source>
        <translation>La réparation peut en corriger {n} sans risque.</translation>
    </message>
    <message>
        <source>None of these can be repaired automatically. A backup made before the problem appeared can be restored (Library › Restore from Backup…).</source>
        <translation>Aucun ne peut être réparé automatiquement. Une sauvegarde faite avant l’apparition du problème peut être restaurée (Bibliothèque › Restaurer une sauvegarde…).</translation>
    </message>
    <message>
        <source>repaired: {what}</source>
        <translation>réparé&#xa0;: {what}</translation>
    </message>
</context>
<context>
    <name>CheckProblems</name>
    <message>
        <source>The search index of articles does not match the articles</source>
        <translation>L’index de recherche des articles ne correspond plus aux articles</translation>
    </message>
    <message>
        <source>The stemmed search index of articles is damaged</source>
        <translation>L’index de recherche par racines des articles est endommagé</translation>
    </message>
    <message>
        <source>The search index of notes does not match the notes</source>
        <translation>L’index de recherche des notes ne correspond plus aux notes</translation>
    </message>
    <message>
        <source>article {ids}</source>
        <translation>de l’article {ids}</translation>
    </message>
    <message>
        <source>articles {ids}</source>
        <translation>des articles {ids}</translation>
    </message>
    <message>
        <source>{n} entity mention no longer matches the text of {articles}</source>
        <translation>{n} mention d’entité ne correspond plus au texte {articles}</translation>
    </message>
    <message>
        <source>{n} entity mentions no longer match the text of {articles}</source>
        <translation>{n} mentions d’entités ne correspondent plus au texte {articles}</translation>
    </message>
    <message>
        <source>{n} entity carries a wrong mention count</source>
        <translation>{n} entité a un nombre de mentions erroné</translation>
    </message>
    <message>
        <source>{n} entities carry wrong mention counts</source>
        <translation>{n} entités ont un nombre de mentions erroné</translation>
    </message>
    <message>
        <source>{n} coding no longer matches its passage</source>
        <translation>{n} codage ne correspond plus à son passage</translation>
    </message>
    <message>
        <source>{n} codings no longer match their passage</source>
        <translation>{n} codages ne correspondent plus à leur passage</translation>
    </message>
    <message>
        <source>Extracted the entities of {n} article again</source>
        <translation>Entités extraites à nouveau de {n} article</translation>
    </message>
    <message>
        <source>Extracted the entities of {n} articles again</source>
        <translation>Entités extraites à nouveau de {n} articles</translation>
    </message>
    <message>
        <source>Rebuilt the search indexes</source>
        <translation>Index de recherche reconstruits</translation>
    </message>
    <message>
        <source>Recounted the entities’ mentions</source>
        <translation>Mentions des entités recomptées</translation>
    </message>
    <message>
        <source>SQLite’s integrity check: {message}</source>
        <translation>Contrôle d’intégrité de SQLite&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Row {row} of the {table} table points to a missing row of {parent}</source>
        <translation>La ligne {row} de la table {table} renvoie à une ligne absente de {parent}</translation>
    </message>
    <message>
        <source>The stemmed search index of notes is damaged</source>
        <translation>L’index de recherche par racines des notes est endommagé</translation>
    </message>
    <message>
        <source>Note {id} no longer matches its passage</source>
        <translation>La note {id} ne correspond plus à son passage</translation>
    </message>
    <message>
        <source>Notes re-anchored: {moved}; notes flagged as unresolved: {lost}</source>
        <translation>Notes réancrées&#xa0;: {moved}&#x202f;; notes signalées sans passage&#xa0;: {lost}</translation>
    </message>
    <message>
        <source>Codings found again: {refound}; stale rule suggestions dropped: {dropped} (the rules run again on those articles)</source>
        <translation>Codages retrouvés&#xa0;: {refound}&#x202f;; suggestions de règles périmées retirées&#xa0;: {dropped} (les règles repassent sur ces articles)</translation>
    </message>
</context>
<context>
    <name>CoderChoice</name>
    <message>
        <source>Agreement Between Coders</source>
        <translation>Accord entre codeurs</translation>
    </message>
    <message>
        <source>Coder A:</source>
        <translation>Codeur A&#xa0;:</translation>
    </message>
    <message>
        <source>Coder B:</source>
        <translation>Codeur B&#xa0;:</translation>
    </message>
</context>
<context>
    <name>CompareController</name>
    <message>
        <source>&amp;Undo Review</source>
        <extracomment>Changes elsewhere that alter what the comparison shows (a replaced library is one too). Records what a review did on the undo stack, once it is done.</extracomment>
        <translation>&amp;Annuler la revue</translation>
    </message>
    <message>
        <source>&amp;Redo Review</source>
        <translation>&amp;Rétablir la revue</translation>
    </message>
    <message>
        <source>Tag some articles, or choose articles, to compare.</source>
        <extracomment>The entries the window&apos;s Edit menu shows.</extracomment>
        <translation>Étiquetez des articles, ou choisissez-en, pour les comparer.</translation>
    </message>
    <message>
        <source>Comparing the cases</source>
        <translation>Comparaison des cas</translation>
    </message>
    <message>
        <source>Comparison stopped: some articles were not coded yet</source>
        <translation>Comparaison interrompue&#xa0;: certains articles n’étaient pas encore codés</translation>
    </message>
    <message>
        <source>Could not compare: {0}</source>
        <translation>Comparaison impossible&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Nothing to undo in the comparison.</source>
        <translation>Rien à annuler dans la comparaison.</translation>
    </message>
    <message>
        <source>Nothing to redo in the comparison.</source>
        <translation>Rien à rétablir dans la comparaison.</translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Annuler&#xa0;: {0}</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>&amp;Rétablir&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Reviewing the evidence</source>
        <translation>Revue des éléments de preuve</translation>
    </message>
    <message>
        <source>Moving the evidence</source>
        <translation>Déplacement des éléments de preuve</translation>
    </message>
    <message>
        <source>Select a passage of the article first.</source>
        <translation>Sélectionnez d’abord un passage de l’article.</translation>
    </message>
    <message>
        <source>Coding the passage</source>
        <translation>Codage du passage</translation>
    </message>
    <message>
        <source>Code Selection to</source>
        <translation>Coder la sélection dans</translation>
    </message>
    <message>
        <source>There is no article with id {0}.</source>
        <translation>Il n’y a pas d’article dont l’identifiant est {0}.</translation>
    </message>
    <message>
        <source>Export Comparison as {0}</source>
        <translation>Exporter la comparaison en {0}</translation>
    </message>
    <message>
        <source>Could not export: {0}</source>
        <translation>Exportation impossible&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Comparison exported to {0}</source>
        <translation>Comparaison exportée vers {0}</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <source>Back to suggested</source>
        <translation>De nouveau suggéré</translation>
    </message>
    <message>
        <source>coding {0} of {1}</source>
        <translation>codage {0} sur {1}</translation>
    </message>
    <message>
        <source>Moved to “{0}”</source>
        <translation>Déplacé vers «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>Coded to “{0}”</source>
        <translation>Codé dans «&#xa0;{0}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <source>Suggested and accepted</source>
        <extracomment>The status filters: their labels (translated where shown, context &quot;CompareModel&quot;).</extracomment>
        <translation>Suggérés et acceptés</translation>
    </message>
    <message>
        <source>Accepted only</source>
        <translation>Acceptés seulement</translation>
    </message>
    <message>
        <source>Everything, with rejected</source>
        <translation>Tout, rejetés compris</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Case {0}</source>
        <translation>Cas {0}</translation>
    </message>
    <message>
        <source>{0} · {1} article</source>
        <translation>{0} · {1} article</translation>
    </message>
    <message>
        <source>{0} · {1} articles</source>
        <translation>{0} · {1} articles</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>Export:</source>
        <translation>Exporter&#xa0;:</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>1 conflict copy is not counted here: resolve it under Conflict Copies.</source>
        <translation>1 copie en conflit n’est pas comptée ici&#xa0;: résolvez-la dans Copies en conflit.</translation>
    </message>
    <message>
        <source>{0} conflict copies are not counted here: resolve them under Conflict Copies.</source>
        <translation>{0} copies en conflit ne sont pas comptées ici&#xa0;: résolvez-les dans Copies en conflit.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Nothing in {0} on this dimension.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Rien dans {0} sur cette dimension.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;No sentence in {0} shares a word with this one.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Aucune phrase de {0} n’a de mot en commun avec celle-ci.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Closest in &lt;b&gt;{0}&lt;/b&gt; (similarity {1})</source>
        <translation>La plus proche dans &lt;b&gt;{0}&lt;/b&gt; (similarité {1})</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>«&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show Passage</source>
        <translation>Afficher le passage</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Move to Dimension…</source>
        <translation>Déplacer vers une dimension…</translation>
    </message>
    <message>
        <source>Back to Suggested</source>
        <translation>Revenir à «&#xa0;suggéré&#xa0;»</translation>
    </message>
    <message>
        <source>Undo Last Review</source>
        <translation>Annuler la dernière revue</translation>
    </message>
    <message>
        <source>A accept · R reject · M move · U undo · Enter open</source>
        <translation>A accepter · R rejeter · M déplacer · U annuler · Entrée ouvrir</translation>
    </message>
    <message>
        <source>Select a sentence to see its closest counterpart in the other case.</source>
        <translation>Sélectionnez une phrase pour voir la plus proche dans l’autre cas.</translation>
    </message>
    <message>
        <source>Both cases include the same article: {0}. Its passages count on both sides.</source>
        <translation>Les deux cas comprennent le même article&#xa0;: {0}. Ses passages comptent des deux côtés.</translation>
    </message>
    <message>
        <source>Both cases include {1} of the same articles: {0}. Their passages count on both sides.</source>
        <translation>Les deux cas ont {1} articles en commun&#xa0;: {0}. Leurs passages comptent des deux côtés.</translation>
    </message>
    <message>
        <source>{0} and {1} more</source>
        <translation>{0} et {1} autres</translation>
    </message>
</context>
<context>
    <name>CompareTree</name>
    <message>
        <source>Accept the selected evidence</source>
        <extracomment>What the grid&apos;s own keys do, for Help › Keyboard Shortcuts: ``(key, what it does)``.</extracomment>
        <translation>Accepter les éléments de preuve sélectionnés</translation>
    </message>
    <message>
        <source>Reject the selected evidence</source>
        <translation>Rejeter les éléments de preuve sélectionnés</translation>
    </message>
    <message>
        <source>Move the selected evidence to another dimension</source>
        <translation>Déplacer les éléments de preuve sélectionnés vers une autre dimension</translation>
    </message>
    <message>
        <source>Undo the last review</source>
        <translation>Annuler la dernière revue</translation>
    </message>
    <message>
        <source>Show the passage in the reader</source>
        <translation>Afficher le passage dans le lecteur</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflict Copies</source>
        <translation>Copies en conflit</translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>Garder la &amp;mienne</translation>
    </message>
    <message>
        <source>Keep &amp;Theirs</source>
        <translation>Garder la &amp;leur</translation>
    </message>
    <message>
        <source>Keep &amp;Both</source>
        <translation>Garder les &amp;deux</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>La leur</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>La mienne</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Codage</translation>
    </message>
</context>
<context>
    <name>CorrectionDone</name>
    <message>
        <source>“{text}”</source>
        <translation>«&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <source>Renamed {name} to {value}</source>
        <translation>{name} renommé en {value}</translation>
    </message>
    <message>
        <source>{name} is now of type {kind}</source>
        <translation>{name} est maintenant de type {kind}</translation>
    </message>
    <message>
        <source>Merged {name} into {value}</source>
        <translation>{name} fusionné dans {value}</translation>
    </message>
    <message>
        <source>{name} is no longer an entity</source>
        <translation>{name} n’est plus une entité</translation>
    </message>
    <message>
        <source>Marked {name} as {kind}</source>
        <translation>{name} marqué comme {kind}</translation>
    </message>
    <message>
        <source>Corrected {name}</source>
        <translation>{name} corrigé</translation>
    </message>
    <message>
        <source>{n} article updated</source>
        <translation>{n} article mis à jour</translation>
    </message>
    <message>
        <source>{n} articles updated</source>
        <translation>{n} articles mis à jour</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>No date</source>
        <translation>Sans date</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Hier %1</translation>
    </message>
</context>
<context>
    <name>EntityComparison</name>
    <message>
        <source>Entities in both</source>
        <translation>Entités communes</translation>
    </message>
    <message>
        <source>Only in {0}</source>
        <translation>Seulement dans {0}</translation>
    </message>
</context>
<context>
    <name>EntityController</name>
    <message>
        <source>Applying the correction to “{name}”</source>
        <translation>Application de la correction à «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <source>Extracting entities</source>
        <translation>Extraction des entités</translation>
    </message>
    <message>
        <source>Re-extract &amp;Entities</source>
        <translation>Réextraire les en&amp;tités</translation>
    </message>
    <message>
        <source>{name} is not mentioned in this article.</source>
        <translation>Cet article ne mentionne pas {name}.</translation>
    </message>
    <message>
        <source>{name}: mention {n} of {total}</source>
        <translation>{name}&#xa0;: mention {n} sur {total}</translation>
    </message>
    <message>
        <source>F3 next, Shift+F3 previous</source>
        <translation>F3 suivante, Maj+F3 précédente</translation>
    </message>
</context>
<context>
    <name>EntityDialogs</name>
    <message>
        <source>Merge Entity</source>
        <translation>Fusionner l’entité</translation>
    </message>
    <message>
        <source>Merge “{name}” into:</source>
        <translation>Fusionner «&#xa0;{name}&#xa0;» dans&#xa0;:</translation>
    </message>
    <message>
        <source>Another entity’s name</source>
        <translation>Le nom d’une autre entité</translation>
    </message>
    <message>
        <source>“{name}” will be shown as that entity from now on.</source>
        <translation>«&#xa0;{name}&#xa0;» sera désormais affiché comme cette entité.</translation>
    </message>
    <message>
        <source>Rename Entity</source>
        <translation>Renommer l’entité</translation>
    </message>
    <message>
        <source>New name for “{name}”:</source>
        <translation>Nouveau nom de «&#xa0;{name}&#xa0;»&#xa0;:</translation>
    </message>
</context>
<context>
    <name>EntityModels</name>
    <message>
        <source>{n} mention</source>
        <translation>{n} mention</translation>
    </message>
    <message>
        <source>{n} mentions</source>
        <translation>{n} mentions</translation>
    </message>
</context>
<context>
    <name>EntityPane</name>
    <message>
        <source>This article</source>
        <translation>Cet article</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>Toute la bibliothèque</translation>
    </message>
    <message>
        <source>Open an article to see who and what it mentions.</source>
        <translation>Ouvrez un article pour voir qui et ce qu’il mentionne.</translation>
    </message>
    <message>
        <source>No entities found in this article</source>
        <translation>Aucune entité trouvée dans cet article</translation>
    </message>
    <message>
        <source>No entities in the library yet</source>
        <translation>Pas encore d’entités dans la bibliothèque</translation>
    </message>
    <message>
        <source>No entity matches “{text}”</source>
        <translation>Aucune entité ne correspond à «&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <source>Select an entity to see where else it is mentioned.</source>
        <translation>Sélectionnez une entité pour voir où elle est mentionnée ailleurs.</translation>
    </message>
    <message>
        <source>Filter entities</source>
        <translation>Filtrer les entités</translation>
    </message>
    <message>
        <source>Entities of the open article, or of the whole library</source>
        <translation>Les entités de l’article ouvert, ou de toute la bibliothèque</translation>
    </message>
    <message>
        <source>Entity scope</source>
        <translation>Portée des entités</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entités</translation>
    </message>
    <message>
        <source>Other articles mentioning the entity</source>
        <translation>Autres articles qui mentionnent l’entité</translation>
    </message>
    <message>
        <source>Enter or a double-click opens the article</source>
        <translation>Entrée ou un double-clic ouvre l’article</translation>
    </message>
    <message>
        <source>Not mentioned in any other article.</source>
        <translation>Aucun autre article ne la mentionne.</translation>
    </message>
    <message>
        <source>Also in {n} other article</source>
        <translation>Aussi dans {n} autre article</translation>
    </message>
    <message>
        <source>Also in {n} other articles</source>
        <translation>Aussi dans {n} autres articles</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Change Type</source>
        <translation>Changer de type</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>Fusionner dans…</translation>
    </message>
    <message>
        <source>Not an Entity</source>
        <translation>Pas une entité</translation>
    </message>
</context>
<context>
    <name>EntityTreeModel</name>
    <message>
        <source>Entity</source>
        <translation>Entité</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <source>{n} entity of type {kind}</source>
        <translation>{n} entité de type {kind}</translation>
    </message>
    <message>
        <source>{n} entities of type {kind}</source>
        <translation>{n} entités de type {kind}</translation>
    </message>
    <message>
        <source>{n} article</source>
        <translation>{n} article</translation>
    </message>
    <message>
        <source>{n} articles</source>
        <translation>{n} articles</translation>
    </message>
    <message>
        <source>{mentions} in {articles}</source>
        <translation>{mentions} dans {articles}</translation>
    </message>
    <message>
        <source>{mentions} in this article</source>
        <translation>{mentions} dans cet article</translation>
    </message>
    <message>
        <source>Also written: {names}</source>
        <translation>Aussi écrit&#xa0;: {names}</translation>
    </message>
</context>
<context>
    <name>EntityTypes</name>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Armed group</source>
        <translation>Groupe armé</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Matière première</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Chiffre</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>the library is busy: another program kept it locked for too long; try again in a moment</source>
        <extracomment>The library&apos;s sentences, as :mod:`reader.library.errors` writes them, for translation.</extracomment>
        <translation>la bibliothèque est occupée&#xa0;: un autre programme l’a verrouillée trop longtemps&#x202f;; réessayez dans un instant</translation>
    </message>
    <message>
        <source>the library is being replaced (a restore); try again once it is done</source>
        <translation>la bibliothèque est en cours de remplacement (une restauration)&#x202f;; réessayez une fois celle-ci terminée</translation>
    </message>
    <message>
        <source>the library is read-only here: reading works, but nothing can be saved</source>
        <translation>la bibliothèque est ici en lecture seule&#xa0;: la lecture fonctionne, mais rien ne peut être enregistré</translation>
    </message>
    <message>
        <source>{reason}: {file}</source>
        <extracomment>The errors of the library file itself, with what is said when one comes without a message. The errors that say the library cannot take a write just now (a save may try again).</extracomment>
        <translation>{reason}&#xa0;: {file}</translation>
    </message>
</context>
<context>
    <name>EvidenceDelegate</name>
    <message>
        <source>rejected</source>
        <translation>rejeté</translation>
    </message>
    <message>
        <source>✎ coded by hand</source>
        <translation>✎ codé à la main</translation>
    </message>
    <message>
        <source>✓ accepted</source>
        <translation>✓ accepté</translation>
    </message>
    <message>
        <source>Show fewer ▴</source>
        <translation>Afficher moins ▴</translation>
    </message>
    <message>
        <source>Show all ▾</source>
        <translation>Tout afficher ▾</translation>
    </message>
    <message>
        <source>No evidence</source>
        <translation>Aucun élément de preuve</translation>
    </message>
    <message>
        <source>passage in {0} article</source>
        <translation>passage dans {0} article</translation>
    </message>
    <message>
        <source>passage in {0} articles</source>
        <translation>passage dans {0} articles</translation>
    </message>
    <message>
        <source>passages in {0} article</source>
        <translation>passages dans {0} article</translation>
    </message>
    <message>
        <source>passages in {0} articles</source>
        <translation>passages dans {0} articles</translation>
    </message>
    <message>
        <source>only in {0}</source>
        <translation>seulement dans {0}</translation>
    </message>
    <message>
        <source>Not mentioned in {0}</source>
        <translation>Non mentionné dans {0}</translation>
    </message>
</context>
<context>
    <name>ExportChooser</name>
    <message>
        <source>Fieldreader library (*.json);;All files (*)</source>
        <translation>Bibliothèque Fieldreader (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Include 1 private note or highlight</source>
        <translation>Inclure 1 note ou surlignage privé</translation>
    </message>
    <message>
        <source>Include {count} private notes and highlights</source>
        <translation>Inclure {count} notes et surlignages privés</translation>
    </message>
    <message>
        <source>Private notes stay out of exports unless you tick this; the export says how many it left out</source>
        <translation>Les notes privées restent hors des exportations à moins de cocher ceci&#x202f;; l’exportation indique combien elle en a laissé de côté</translation>
    </message>
    <message>
        <source>Export Notes as Markdown</source>
        <translation>Exporter les notes en Markdown</translation>
    </message>
    <message>
        <source>Export Library</source>
        <translation>Exporter la bibliothèque</translation>
    </message>
</context>
<context>
    <name>ExportOptions</name>
    <message>
        <source>Export Field Pack</source>
        <translation>Exporter un paquet terrain</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Tous les articles</translation>
    </message>
    <message>
        <source>Tagged “{tag}”</source>
        <translation>Étiquetés «&#xa0;{tag}&#xa0;»</translation>
    </message>
    <message>
        <source>With notes and highlights</source>
        <translation>Avec les notes et surlignages</translation>
    </message>
    <message>
        <source>Private notes too</source>
        <translation>Notes privées comprises</translation>
    </message>
    <message>
        <source>Articles:</source>
        <translation>Articles&#xa0;:</translation>
    </message>
</context>
<context>
    <name>FeedsDialog</name>
    <message>
        <source>Add Feed…</source>
        <translation>Ajouter un flux…</translation>
    </message>
    <message>
        <source>Refresh All</source>
        <translation>Tout actualiser</translation>
    </message>
    <message>
        <source>Refresh Selected</source>
        <translation>Actualiser la sélection</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Se désabonner</translation>
    </message>
    <message>
        <source>Import OPML…</source>
        <translation>Importer un OPML…</translation>
    </message>
    <message>
        <source>Subscribe to every feed of a list another feed reader exported</source>
        <translation>S’abonner à tous les flux d’une liste exportée par un autre lecteur de flux</translation>
    </message>
    <message>
        <source>Export OPML…</source>
        <translation>Exporter en OPML…</translation>
    </message>
    <message>
        <source>Write these subscriptions as an OPML file</source>
        <translation>Écrire ces abonnements dans un fichier OPML</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Your RSS and Atom subscriptions. Nothing is fetched until you click Refresh, which imports only the entries not seen before.</source>
        <translation>Vos abonnements RSS et Atom. Rien n’est récupéré tant que vous ne cliquez pas sur Actualiser, qui n’importe que les entrées encore jamais vues.</translation>
    </message>
    <message>
        <source>No subscriptions yet.
Use Add Feed… to subscribe to an RSS or Atom feed.</source>
        <translation>Pas encore d’abonnement.
Utilisez Ajouter un flux… pour vous abonner à un flux RSS ou Atom.</translation>
    </message>
</context>
<context>
    <name>FeedsModel</name>
    <message>
        <source>Tags: {0}</source>
        <translation>Étiquettes&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Last fetched</source>
        <translation>Dernière récupération</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveaux</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <extracomment>Feed id -&gt; new articles at its latest refresh in this session.</extracomment>
        <translation>Pas encore récupéré</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Site: {0}</source>
        <translation>Site&#xa0;: {0}</translation>
    </message>
    <message>
        <source>New articles at the latest refresh; {0} entries taken from this feed in all</source>
        <translation>Nouveaux articles à la dernière actualisation&#x202f;; {0} entrées reprises de ce flux en tout</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation>Rechercher dans l’article</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} sur {total}</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+Entrée)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Occurrence suivante (Entrée)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>The guide is not included in this installation ({0}).</source>
        <extracomment>The guide dialog&apos;s size when the screen has room for it.</extracomment>
        <translation>Le guide n’est pas inclus dans cette installation ({0}).</translation>
    </message>
    <message>
        <source>Fieldreader Guide</source>
        <translation>Guide de Fieldreader</translation>
    </message>
</context>
<context>
    <name>HelpController</name>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Fieldreader &amp;Guide</source>
        <translation>&amp;Guide de Fieldreader</translation>
    </message>
    <message>
        <source>&amp;About Fieldreader</source>
        <translation>À &amp;propos de Fieldreader</translation>
    </message>
    <message>
        <source>Window</source>
        <extracomment>The Help menu&apos;s entries, in order (None: a separator).</extracomment>
        <translation>Fenêtre</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Note History</source>
        <translation>Historique de la note</translation>
    </message>
    <message>
        <source>1 saved version, newest first.</source>
        <translation>1 version enregistrée, la plus récente en premier.</translation>
    </message>
    <message>
        <source>{count} saved versions, newest first.</source>
        <translation>{count} versions enregistrées, la plus récente en premier.</translation>
    </message>
    <message>
        <source>(this version was empty)</source>
        <translation>(cette version était vide)</translation>
    </message>
    <message>
        <source>Restore This Version</source>
        <translation>Restaurer cette version</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Your library is empty: loading the sample articles…</source>
        <translation>Votre bibliothèque est vide&#xa0;: chargement des articles d’exemple…</translation>
    </message>
    <message>
        <source>Loaded {n} sample articles. Import your own with File › Import Files… or drop files here.</source>
        <translation>{n} articles d’exemple chargés. Importez les vôtres avec Fichier › Importer des fichiers… ou déposez des fichiers ici.</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <source>Load &amp;Sample Articles</source>
        <translation>Charger les articles d’e&amp;xemple</translation>
    </message>
    <message>
        <source>Import Files</source>
        <extracomment>The File menu&apos;s imports, in order (the samples go lower down).</extracomment>
        <translation>Importer des fichiers</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Importer un dossier</translation>
    </message>
    <message>
        <source>Import failed: {reason}</source>
        <translation>Échec de l’importation&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>Saved to Read Later: it will be fetched when you are online</source>
        <translation>Enregistré dans «&#xa0;À lire plus tard&#xa0;»&#xa0;: l’article sera téléchargé quand vous serez en ligne</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Importation annulée.</translation>
    </message>
    <message>
        <source>No importable files were found.</source>
        <translation>Aucun fichier importable n’a été trouvé.</translation>
    </message>
    <message>
        <source>{n} duplicate skipped</source>
        <translation>{n} doublon ignoré</translation>
    </message>
    <message>
        <source>{n} duplicates skipped</source>
        <translation>{n} doublons ignorés</translation>
    </message>
    <message>
        <source>{n} saved to Read Later</source>
        <translation>{n} dans «&#xa0;À lire plus tard&#xa0;»</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <translation>{n} en échec</translation>
    </message>
    <message>
        <source>Added {n} article</source>
        <translation>{n} article ajouté</translation>
    </message>
    <message>
        <source>Added {n} articles</source>
        <translation>{n} articles ajoutés</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>failed     {name}: {reason}</source>
        <translation>échec      {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>queued     {name}: saved to Read Later ({reason})</source>
        <translation>en attente {name}&#xa0;: enregistré dans «&#xa0;À lire plus tard&#xa0;» ({reason})</translation>
    </message>
    <message>
        <source>duplicate  {name} (already in the library as “{title}”)</source>
        <translation>doublon    {name} (déjà dans la bibliothèque sous «&#xa0;{title}&#xa0;»)</translation>
    </message>
    <message>
        <source>added      {name} (“{title}”)</source>
        <translation>ajouté     {name} («&#xa0;{title}&#xa0;»)</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Not imported:</source>
        <translation>Non importé&#xa0;:</translation>
    </message>
    <message>
        <source>… and {n} more (see details)</source>
        <translation>… et {n} de plus (voir les détails)</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… et {n} de plus</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>pas de connexion</translation>
    </message>
    <message>
        <source>There is no connection ({why}), so Fieldreader kept the address:</source>
        <translation>Il n’y a pas de connexion ({why})&#x202f;; Fieldreader a donc gardé l’adresse&#xa0;:</translation>
    </message>
    <message>
        <source>Fetch it from File › Read Later… once you are online.</source>
        <translation>Téléchargez-la depuis Fichier › À lire plus tard… une fois en ligne.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
</context>
<context>
    <name>ImportTask</name>
    <message>
        <source>Importing from {name}</source>
        <translation>Importation depuis {name}</translation>
    </message>
    <message>
        <source>Importing {name}</source>
        <translation>Importation de {name}</translation>
    </message>
    <message>
        <source>Importing {n} items</source>
        <translation>Importation de {n} éléments</translation>
    </message>
    <message>
        <source>Loading sample articles</source>
        <translation>Chargement des articles d’exemple</translation>
    </message>
</context>
<context>
    <name>LanguageController</name>
    <message>
        <source>&amp;System Language</source>
        <translation>Langue du &amp;système</translation>
    </message>
    <message>
        <source>Interface &amp;Language</source>
        <translation>Lan&amp;gue de l’interface</translation>
    </message>
    <message>
        <source>The language of the window, from the next start</source>
        <translation>La langue de la fenêtre, à partir du prochain démarrage</translation>
    </message>
    <message>
        <source>Fieldreader will follow the system’s language the next time it starts.</source>
        <extracomment>What the View menu holds: one submenu, built by :meth:`make_menu`.</extracomment>
        <translation>Fieldreader suivra la langue du système à son prochain démarrage.</translation>
    </message>
    <message>
        <source>Fieldreader will be in {language} the next time it starts.</source>
        <translation>Langue choisie&#xa0;: {language}. Elle s’appliquera au prochain démarrage de Fieldreader.</translation>
    </message>
</context>
<context>
    <name>LanguageNames</name>
    <message>
        <source>English</source>
        <extracomment>The interface&apos;s words for the languages the app reads (Qt names languages in English only); another language is named in its own words.</extracomment>
        <translation>anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>français</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>russe</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>ukrainien</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <source>Search the library</source>
        <extracomment>A search result was opened: its article and the query that found it (the reader marks the matched words). The search box was emptied: the words a search matched need no highlight any more.</extracomment>
        <translation>Rechercher dans la bibliothèque</translation>
    </message>
    <message>
        <source>Words, &quot;exact phrases&quot;, OR, NOT, prefix* — Enter opens, Esc clears (Ctrl+K)</source>
        <translation>Mots, &quot;expressions exactes&quot;, OR, NOT, préfixe* — Entrée ouvre, Échap efface (Ctrl+K)</translation>
    </message>
    <message>
        <source>Show only articles with this tag</source>
        <translation>N’afficher que les articles portant cette étiquette</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>Filtre d’étiquette</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>1 article</source>
        <translation>1 article</translation>
    </message>
    <message>
        <source>%1 articles</source>
        <translation>%1 articles</translation>
    </message>
    <message>
        <source>%1 of 1 article</source>
        <translation>%1 sur 1 article</translation>
    </message>
    <message>
        <source>%1 of %2 articles</source>
        <translation>%1 sur %2 articles</translation>
    </message>
    <message>
        <source>1 result for “%1”</source>
        <translation>1 résultat pour «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>%1 results for “%2”</source>
        <translation>%1 résultats pour «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Nothing matches “%1”</source>
        <translation>Rien ne correspond à «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Could not search: %1</source>
        <translation>Recherche impossible&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Restoring the library from the backup…</source>
        <translation>Restauration de la bibliothèque depuis la sauvegarde…</translation>
    </message>
    <message>
        <source>Library</source>
        <extracomment>The View menu (the interface-language choice joins it) and that choice.</extracomment>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entités</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
</context>
<context>
    <name>ManageController</name>
    <message>
        <source>&amp;Open</source>
        <extracomment>What moving articles to (or from) the Trash touches: the lists, the entity counts, their notes and highlights, the comparison&apos;s codings.</extracomment>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Edit Article…</source>
        <translation>&amp;Modifier l’article…</translation>
    </message>
    <message>
        <source>Add &amp;Tag…</source>
        <translation>Ajouter une é&amp;tiquette…</translation>
    </message>
    <message>
        <source>Re&amp;move Tag…</source>
        <translation type="vanished">Re&amp;tirer une étiquette…</translation>
    </message>
    <message>
        <source>Move to T&amp;rash</source>
        <translation type="vanished">Mettre à la &amp;corbeille</translation>
    </message>
    <message>
        <source>Manage T&amp;ags…</source>
        <translation type="vanished">&amp;Gérer les étiquettes…</translation>
    </message>
    <message>
        <source>Re&amp;name Tag…</source>
        <translation>Re&amp;nommer une étiquette…</translation>
    </message>
    <message>
        <source>&amp;Delete Tag…</source>
        <translation>&amp;Supprimer une étiquette…</translation>
    </message>
    <message>
        <source>Show T&amp;rash…</source>
        <translation type="vanished">Afficher la co&amp;rbeille…</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation type="vanished">&amp;Vider la corbeille…</translation>
    </message>
    <message>
        <source>Remo&amp;ve Tag…</source>
        <translation>R&amp;etirer une étiquette…</translation>
    </message>
    <message>
        <source>Move to Tras&amp;h</source>
        <translation>Mettre à la cor&amp;beille</translation>
    </message>
    <message>
        <source>Manage Ta&amp;gs…</source>
        <translation>&amp;Gérer les étiquettes…</translation>
    </message>
    <message>
        <source>Sho&amp;w Trash…</source>
        <translation>A&amp;fficher la corbeille…</translation>
    </message>
    <message>
        <source>Empt&amp;y Trash…</source>
        <translation>Vider &amp;la corbeille…</translation>
    </message>
    <message>
        <source>Move the chosen articles to the Trash (they can be restored from it)</source>
        <translation>Mettre les articles choisis à la corbeille (on peut les y restaurer)</translation>
    </message>
    <message>
        <source>Saved “%1”</source>
        <extracomment>The window&apos;s menu entries, in order (``None``: a separator). The library rows&apos; context menu. The tag filter&apos;s context menu.</extracomment>
        <translation>«&#xa0;%1&#xa0;» enregistré</translation>
    </message>
    <message>
        <source>Tag the chosen article with:</source>
        <translation>Étiqueter l’article choisi avec&#xa0;:</translation>
    </message>
    <message>
        <source>Tag the %1 chosen articles with:</source>
        <translation>Étiqueter les %1 articles choisis avec&#xa0;:</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>Ajouter une étiquette</translation>
    </message>
    <message>
        <source>Tagged 1 article “%2”</source>
        <translation>1 article étiqueté «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Tagged %1 articles “%2”</source>
        <translation>%1 articles étiquetés «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>The chosen article has no tag.</source>
        <translation>L’article choisi n’a pas d’étiquette.</translation>
    </message>
    <message>
        <source>The chosen articles have no tag.</source>
        <translation>Les articles choisis n’ont pas d’étiquette.</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>Retirer une étiquette</translation>
    </message>
    <message>
        <source>Remove from the chosen article the tag:</source>
        <translation>Retirer de l’article choisi l’étiquette&#xa0;:</translation>
    </message>
    <message>
        <source>Remove from the %1 chosen articles the tag:</source>
        <translation>Retirer des %1 articles choisis l’étiquette&#xa0;:</translation>
    </message>
    <message>
        <source>Took “%2” off 1 article</source>
        <translation>«&#xa0;%2&#xa0;» retiré de 1 article</translation>
    </message>
    <message>
        <source>Took “%2” off %1 articles</source>
        <translation>«&#xa0;%2&#xa0;» retiré de %1 articles</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>Renommer l’étiquette</translation>
    </message>
    <message>
        <source>Rename “%1” on every article to:</source>
        <translation>Renommer «&#xa0;%1&#xa0;» sur tous les articles en&#xa0;:</translation>
    </message>
    <message>
        <source>Renamed “%2” to “%3” (1 article)</source>
        <translation>«&#xa0;%2&#xa0;» renommé en «&#xa0;%3&#xa0;» (1 article)</translation>
    </message>
    <message>
        <source>Renamed “%2” to “%3” (%1 articles)</source>
        <translation>«&#xa0;%2&#xa0;» renommé en «&#xa0;%3&#xa0;» (%1 articles)</translation>
    </message>
    <message>
        <source>Delete the tag “%1” from every article?</source>
        <translation>Supprimer l’étiquette «&#xa0;%1&#xa0;» de tous les articles&#x202f;?</translation>
    </message>
    <message>
        <source>1 article carries it. The article itself stays in the library.</source>
        <translation>1 article la porte. L’article lui-même reste dans la bibliothèque.</translation>
    </message>
    <message>
        <source>%1 articles carry it. The articles themselves stay in the library.</source>
        <translation>%1 articles la portent. Les articles eux-mêmes restent dans la bibliothèque.</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>Supprimer l’étiquette</translation>
    </message>
    <message>
        <source>Deleted the tag “%2” (from 1 article)</source>
        <translation>Étiquette «&#xa0;%2&#xa0;» supprimée (de 1 article)</translation>
    </message>
    <message>
        <source>Deleted the tag “%2” (from %1 articles)</source>
        <translation>Étiquette «&#xa0;%2&#xa0;» supprimée (de %1 articles)</translation>
    </message>
    <message>
        <source>Moved 1 article to the Trash (Show Trash restores it)</source>
        <translation>1 article mis à la corbeille (Afficher la corbeille permet de le restaurer)</translation>
    </message>
    <message>
        <source>Moved %1 articles to the Trash (Show Trash restores them)</source>
        <translation>%1 articles mis à la corbeille (Afficher la corbeille permet de les restaurer)</translation>
    </message>
    <message>
        <source>Restored 1 article</source>
        <translation>1 article restauré</translation>
    </message>
    <message>
        <source>Restored %1 articles</source>
        <translation>%1 articles restaurés</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message>
        <source>Delete the article in the Trash for good?</source>
        <translation>Supprimer définitivement l’article de la corbeille&#x202f;?</translation>
    </message>
    <message>
        <source>Delete the %1 articles in the Trash for good?</source>
        <translation>Supprimer définitivement les %1 articles de la corbeille&#x202f;?</translation>
    </message>
    <message>
        <source>Their notes, highlights and codings are deleted with them. This cannot be undone.</source>
        <translation>Leurs notes, surlignages et codages sont supprimés avec eux. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>Vider la corbeille</translation>
    </message>
    <message>
        <source>Emptying the Trash</source>
        <translation>Vidage de la corbeille</translation>
    </message>
    <message>
        <source>Deleted 1 article for good</source>
        <translation>1 article supprimé définitivement</translation>
    </message>
    <message>
        <source>Deleted %1 articles for good</source>
        <translation>%1 articles supprimés définitivement</translation>
    </message>
</context>
<context>
    <name>MentioningArticlesModel</name>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Mentions</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>Comparison grid</source>
        <translation>Grille de comparaison</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Library Pane</source>
        <translation>Volet &amp;Bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Entities Pane</source>
        <translation>Volet &amp;Entités</translation>
    </message>
    <message>
        <source>N&amp;otes Pane</source>
        <translation>Volet &amp;Notes</translation>
    </message>
    <message>
        <source>&amp;Compare Cases</source>
        <translation>&amp;Comparer des cas</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Rétablir la d&amp;isposition</translation>
    </message>
    <message>
        <source>&amp;Search Library</source>
        <translation>&amp;Rechercher dans la bibliothèque</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Agrandir</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Réd&amp;uire</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>Rec&amp;hercher dans l’article…</translation>
    </message>
    <message>
        <source>&amp;Next Mention</source>
        <translation>Mention &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous Mention</source>
        <translation>Mention &amp;précédente</translation>
    </message>
    <message>
        <source>&amp;Colour Mentions by Type</source>
        <translation>Colorer les mentions par t&amp;ype</translation>
    </message>
    <message>
        <source>&amp;Light Theme</source>
        <extracomment>A menu&apos;s entries: sections of actions (None inside one is a separator too).</extracomment>
        <translation>Thème c&amp;lair</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>Thème s&amp;ombre</translation>
    </message>
</context>
<context>
    <name>NoteColours</name>
    <message>
        <source>Yellow</source>
        <extracomment>type -&gt; (light theme&apos;s pair, dark theme&apos;s pair): soft for &quot;colour by type&quot;, strong for a chosen entity&apos;s mentions and the sidebar&apos;s swatch</extracomment>
        <translation>Jaune</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Vert</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Bleu</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Rose</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Violet</translation>
    </message>
</context>
<context>
    <name>NoteController</name>
    <message>
        <source>Select a passage of the article first.</source>
        <translation>Sélectionnez d’abord un passage de l’article.</translation>
    </message>
    <message>
        <source>This note&apos;s passage could not be found in the current text.</source>
        <translation>Le passage de cette note est introuvable dans le texte actuel.</translation>
    </message>
    <message>
        <source>Highlight — click to add a note</source>
        <translation>Surlignage — cliquez pour ajouter une note</translation>
    </message>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation>&amp;Surligner la sélection</translation>
    </message>
    <message>
        <source>&amp;Add Note to Selection…</source>
        <translation>&amp;Ajouter une note à la sélection…</translation>
    </message>
    <message>
        <source>&amp;New Free-standing Note</source>
        <translation>&amp;Nouvelle note libre</translation>
    </message>
    <message>
        <source>Could not add the note: {reason}</source>
        <extracomment>The Notes menu, in order.</extracomment>
        <translation>Impossible d’ajouter la note&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Highlighted. Click the highlight to write a note on it.</source>
        <translation>Surligné. Cliquez sur le surlignage pour y écrire une note.</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Select a note to read or edit it.

To add one, select text in the article and press Ctrl+Shift+N (or Ctrl+Shift+H for a highlight), or use New Note.</source>
        <extracomment>A long note takes a while to render: the pause waited for is at least twice the last render&apos;s time (up to this), so typing is never held up by the preview. Narrower than this, the preview goes under the text instead of beside it. Where the split&apos;s sizes are remembered (``/horizontal`` or ``/vertical`` is added).</extracomment>
        <translation>Sélectionnez une note pour la lire ou la modifier.

Pour en ajouter une, sélectionnez du texte dans l’article et appuyez sur Ctrl+Maj+N (ou Ctrl+Maj+H pour un surlignage), ou utilisez Nouvelle note.</translation>
    </message>
    <message>
        <source>Write in Markdown: **bold**, *italic*, - lists, &gt; quotes, [links](https://…)</source>
        <translation>Écrivez en Markdown&#xa0;: **gras**, *italique*, - listes, &gt; citations, [liens](https://…)</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Modification en cours…</translation>
    </message>
    <message>
        <source>Not saved yet — retrying</source>
        <translation>Pas encore enregistrée — nouvel essai</translation>
    </message>
    <message>
        <source>In the trash</source>
        <translation>Dans la corbeille</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Show the rendered note beside the Markdown</source>
        <translation>Afficher le rendu de la note à côté du Markdown</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privée</translation>
    </message>
    <message>
        <source>Private: every export leaves this note out unless it is asked to include private notes</source>
        <translation>Privée&#xa0;: toute exportation laisse cette note de côté, sauf si on lui demande d’inclure les notes privées</translation>
    </message>
    <message>
        <source>Private note</source>
        <translation>Note privée</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Texte de la note</translation>
    </message>
    <message>
        <source>Note preview</source>
        <translation>Aperçu de la note</translation>
    </message>
    <message>
        <source>The preview of your note appears here.</source>
        <translation>L’aperçu de votre note s’affiche ici.</translation>
    </message>
    <message>
        <source>{colour} highlight</source>
        <translation>Surlignage {colour}</translation>
    </message>
    <message>
        <source>Free-standing note</source>
        <translation>Note libre</translation>
    </message>
    <message>
        <source>an article</source>
        <translation>un article</translation>
    </message>
    <message>
        <source>Note on “{title}”</source>
        <translation>Note sur «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>Passage in “{title}”</source>
        <translation>Passage dans «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>This passage could not be found in the current text.</source>
        <translation>Ce passage est introuvable dans le texte actuel.</translation>
    </message>
    <message>
        <source>Show in article</source>
        <translation>Afficher dans l’article</translation>
    </message>
    <message>
        <source>The note could not be saved yet ({reason}); retrying.</source>
        <translation>La note n’a pas encore pu être enregistrée ({reason})&#x202f;; nouvel essai.</translation>
    </message>
    <message>
        <source>Could not change the note ({reason}).</source>
        <translation>Impossible de modifier la note ({reason}).</translation>
    </message>
    <message>
        <source>The note is private: exports leave it out unless asked.</source>
        <translation>La note est privée&#xa0;: les exportations la laissent de côté, sauf demande contraire.</translation>
    </message>
    <message>
        <source>The note is no longer private.</source>
        <translation>La note n’est plus privée.</translation>
    </message>
</context>
<context>
    <name>NoteHighlights</name>
    <message>
        <source>Click to open the note</source>
        <translation>Cliquez pour ouvrir la note</translation>
    </message>
</context>
<context>
    <name>NoteItemDelegate</name>
    <message>
        <source>Empty note</source>
        <translation>Note vide</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privée</translation>
    </message>
    <message>
        <source>Passage not found</source>
        <translation>Passage introuvable</translation>
    </message>
</context>
<context>
    <name>NotesListModel</name>
    <message>
        <source>Free-standing note</source>
        <translation>Note libre</translation>
    </message>
    <message>
        <source>Passage not found in the current text</source>
        <translation>Passage introuvable dans le texte actuel</translation>
    </message>
    <message>
        <source>Empty note</source>
        <translation>Note vide</translation>
    </message>
    <message>
        <source>Private: exports leave it out unless asked</source>
        <translation>Privée&#xa0;: les exportations la laissent de côté, sauf demande contraire</translation>
    </message>
</context>
<context>
    <name>NotesPane</name>
    <message>
        <source>Filter notes</source>
        <extracomment>Where the sizes of the list/editor split are remembered.</extracomment>
        <translation>Filtrer les notes</translation>
    </message>
    <message>
        <source>Show the notes whose text, quote or article title has these words</source>
        <translation>Afficher les notes dont le texte, la citation ou le titre d’article contient ces mots</translation>
    </message>
    <message>
        <source>Which notes to list</source>
        <translation>Quelles notes afficher</translation>
    </message>
    <message>
        <source>The order of the list</source>
        <translation>L’ordre de la liste</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Double-click or Enter goes to the passage; Delete moves to the trash</source>
        <translation>Un double-clic ou Entrée mène au passage&#x202f;; Suppr met à la corbeille</translation>
    </message>
    <message>
        <source>New Note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <source>A free-standing note</source>
        <translation>Une note libre</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <source>Every saved version of this note</source>
        <translation>Toutes les versions enregistrées de cette note</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Move the note to the trash</source>
        <translation>Mettre la note à la corbeille</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Take the note out of the trash</source>
        <translation>Sortir la note de la corbeille</translation>
    </message>
    <message>
        <source>Delete Forever</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message>
        <source>Delete the note and its history</source>
        <translation>Supprimer la note et son historique</translation>
    </message>
    <message>
        <source>Moved the note to the trash (Trash lists it to restore).</source>
        <translation>Note mise à la corbeille (la liste Corbeille permet de la restaurer).</translation>
    </message>
    <message>
        <source>Restored the note from the trash.</source>
        <translation>Note restaurée depuis la corbeille.</translation>
    </message>
    <message>
        <source>Delete this note and its history for good?</source>
        <translation>Supprimer définitivement cette note et son historique&#x202f;?</translation>
    </message>
    <message>
        <source>Deleted the note for good.</source>
        <translation>Note supprimée définitivement.</translation>
    </message>
    <message>
        <source>Restored an earlier version (saved as the newest).</source>
        <translation>Version antérieure restaurée (enregistrée comme la plus récente).</translation>
    </message>
    <message>
        <source>This article</source>
        <translation>Cet article</translation>
    </message>
    <message>
        <source>All notes</source>
        <translation>Toutes les notes</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Récentes</translation>
    </message>
    <message>
        <source>By position</source>
        <translation>Par position</translation>
    </message>
    <message>
        <source>No notes on this article yet.

Select a passage and press Ctrl+Shift+H to highlight it, or Ctrl+Shift+N to write a note on it.</source>
        <translation>Pas encore de note sur cet article.

Sélectionnez un passage et appuyez sur Ctrl+Maj+H pour le surligner, ou sur Ctrl+Maj+N pour y écrire une note.</translation>
    </message>
    <message>
        <source>No notes yet.

Select a passage in an article and press Ctrl+Shift+H to highlight it, or Ctrl+Shift+N to write a note on it.</source>
        <translation>Pas encore de notes.

Sélectionnez un passage dans un article et appuyez sur Ctrl+Maj+H pour le surligner, ou sur Ctrl+Maj+N pour y écrire une note.</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message>
        <source>Open an article to see its notes.</source>
        <translation>Ouvrez un article pour voir ses notes.</translation>
    </message>
    <message>
        <source>No note matches “{text}”.</source>
        <translation>Aucune note ne correspond à «&#xa0;{text}&#xa0;».</translation>
    </message>
    <message>
        <source>“{text}”</source>
        <translation>«&#xa0;{text}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>OpmlImported</name>
    <message>
        <source>. Nothing is fetched until you click Refresh.</source>
        <translation>. Rien n’est téléchargé tant que vous ne cliquez pas sur Actualiser.</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>already</source>
        <translation>déjà là</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>%1 already subscribed</source>
        <translation>déjà abonné&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>refusés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Subscribed to 1 feed</source>
        <translation>Abonné à 1 flux</translation>
    </message>
    <message>
        <source>Subscribed to %1 feeds</source>
        <translation>Abonné à %1 flux</translation>
    </message>
</context>
<context>
    <name>Outcomes</name>
    <message>
        <source>%1 (cancelled)</source>
        <translation>%1 (annulé)</translation>
    </message>
</context>
<context>
    <name>PacksController</name>
    <message>
        <source>A pack by {coder}, written {created}.</source>
        <extracomment>What an import or a sync may have changed.</extracomment>
        <translation>Un paquet de {coder}, écrit le {created}.</translation>
    </message>
    <message>
        <source>an unnamed coder</source>
        <translation>un codeur sans nom</translation>
    </message>
    <message>
        <source>Added: {a} articles, {n} notes and highlights, {c} codings.</source>
        <translation>Ajouts&#xa0;: {a} articles, {n} notes et surlignages, {c} codages.</translation>
    </message>
    <message>
        <source>Changed: {a} articles (tags), {n} notes, {c} codings.</source>
        <translation>Modifications&#xa0;: {a} articles (étiquettes), {n} notes, {c} codages.</translation>
    </message>
    <message>
        <source>Put in conflict: {k} (the incoming version is kept beside yours, as a copy).</source>
        <translation>En conflit&#xa0;: {k} (la version reçue est gardée à côté de la vôtre, comme copie).</translation>
    </message>
    <message>
        <source>Moved to the trash: {t}.</source>
        <translation>Mis à la corbeille&#xa0;: {t}.</translation>
    </message>
    <message>
        <source>Already here, unchanged: {u}.</source>
        <translation>Déjà présents, inchangés&#xa0;: {u}.</translation>
    </message>
    <message>
        <source>This pack was imported here before.</source>
        <translation>Ce paquet a déjà été importé ici.</translation>
    </message>
    <message>
        <source>Added {a} articles, {n} notes and {c} codings; {u} updated, {k} conflict copies, {t} moved to the trash.</source>
        <translation>Ajout de {a} articles, {n} notes et {c} codages&#x202f;; {u} mis à jour, {k} copies en conflit, {t} mis à la corbeille.</translation>
    </message>
    <message>
        <source>See File › Conflict Copies… to resolve them.</source>
        <translation>Voir Fichier › Copies en conflit… pour les résoudre.</translation>
    </message>
    <message>
        <source>Wrote this library&apos;s pack; imported {n} packs ({k} conflict copies).</source>
        <translation>Paquet de cette bibliothèque écrit&#x202f;; {n} paquets importés ({k} copies en conflit).</translation>
    </message>
    <message>
        <source>Refused {file}: {why}</source>
        <translation>{file} refusé&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Export Field &amp;Pack…</source>
        <translation>Exp&amp;orter un paquet terrain…</translation>
    </message>
    <message>
        <source>Import Field Pac&amp;k…</source>
        <translation>I&amp;mporter un paquet terrain…</translation>
    </message>
    <message>
        <source>S&amp;ync with Team Folder</source>
        <translation>S&amp;ynchroniser avec le dossier d’équipe</translation>
    </message>
    <message>
        <source>&amp;Team Folder…</source>
        <translation>Do&amp;ssier d’équipe…</translation>
    </message>
    <message>
        <source>Sync at &amp;Start</source>
        <translation>Synchroniser au démarra&amp;ge</translation>
    </message>
    <message>
        <source>&amp;Coder Name…</source>
        <translation>Nom du &amp;codeur…</translation>
    </message>
    <message>
        <source>Coder &amp;Agreement…</source>
        <translation>&amp;Accord entre codeurs…</translation>
    </message>
    <message>
        <source>{title} failed: {reason}</source>
        <extracomment>The File menu&apos;s entries, in order (the last three belong in Preferences too).</extracomment>
        <translation>{title}&#xa0;: échec ({reason})</translation>
    </message>
    <message>
        <source>Export Field Pack</source>
        <translation>Exporter un paquet terrain</translation>
    </message>
    <message>
        <source>Wrote {articles} articles, {notes} notes and {codings} codings to {file}.</source>
        <translation>{articles} articles, {notes} notes et {codings} codages écrits dans {file}.</translation>
    </message>
    <message>
        <source>Import Field Pack</source>
        <translation>Importer un paquet terrain</translation>
    </message>
    <message>
        <source>Reading the field pack</source>
        <translation>Lecture du paquet terrain</translation>
    </message>
    <message>
        <source>Import it?</source>
        <translation>L’importer&#x202f;?</translation>
    </message>
    <message>
        <source>This pack would move {n} things to the trash here (they can be restored from the trash). Move them?</source>
        <translation>Ce paquet mettrait ici {n} éléments à la corbeille (on peut les y restaurer). Les y mettre&#x202f;?</translation>
    </message>
    <message>
        <source>Sync with Team Folder</source>
        <translation>Synchroniser avec le dossier d’équipe</translation>
    </message>
    <message>
        <source>{packs} would move many things to the trash here (they can be restored from the trash). Import them anyway?</source>
        <translation>{packs} mettraient ici beaucoup d’éléments à la corbeille (on peut les y restaurer). Les importer quand même&#x202f;?</translation>
    </message>
    <message>
        <source>Coder Name</source>
        <translation>Nom du codeur</translation>
    </message>
    <message>
        <source>Con&amp;flict Copies ({n})…</source>
        <translation>Copies en conf&amp;lit ({n})…</translation>
    </message>
    <message>
        <source>Con&amp;flict Copies…</source>
        <translation>Copies en conf&amp;lit…</translation>
    </message>
    <message>
        <source>Conflict Copies</source>
        <translation>Copies en conflit</translation>
    </message>
    <message>
        <source>Coder Agreement</source>
        <translation>Accord entre codeurs</translation>
    </message>
    <message>
        <source>Agreement needs the codings of two coders: import a field pack from another coder first.</source>
        <translation>L’accord demande les codages de deux codeurs&#xa0;: importez d’abord un paquet terrain d’un autre codeur.</translation>
    </message>
</context>
<context>
    <name>PacksDialogs</name>
    <message>
        <source>Field pack (*.fieldpack);;All files (*)</source>
        <translation>Paquet terrain (*.fieldpack);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export Field Pack</source>
        <translation>Exporter un paquet terrain</translation>
    </message>
    <message>
        <source>team.fieldpack</source>
        <translation>equipe.fieldpack</translation>
    </message>
    <message>
        <source>Import Field Pack</source>
        <translation>Importer un paquet terrain</translation>
    </message>
    <message>
        <source>Team Folder</source>
        <translation>Dossier d’équipe</translation>
    </message>
    <message>
        <source>Coder Name</source>
        <translation>Nom du codeur</translation>
    </message>
    <message>
        <source>The name your notes and codings carry:</source>
        <translation>Le nom que portent vos notes et codages&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock Library</source>
        <extracomment>The passphrase check running in the background, if one is.</extracomment>
        <translation>Déverrouiller la bibliothèque</translation>
    </message>
    <message>
        <source>Encrypt Library</source>
        <translation>Chiffrer la bibliothèque</translation>
    </message>
    <message>
        <source>Change Passphrase</source>
        <translation>Changer la phrase secrète</translation>
    </message>
    <message>
        <source>The library “{name}” is encrypted. Enter its passphrase to open it.</source>
        <translation>La bibliothèque «&#xa0;{name}&#xa0;» est chiffrée. Saisissez sa phrase secrète pour l’ouvrir.</translation>
    </message>
    <message>
        <source>Choose a passphrase for “{name}”. The library, its search indexes and its backups will be encrypted with it.</source>
        <translation>Choisissez une phrase secrète pour «&#xa0;{name}&#xa0;». La bibliothèque, ses index de recherche et ses sauvegardes seront chiffrés avec elle.</translation>
    </message>
    <message>
        <source>Enter the current passphrase of “{name}”, then the new one twice.</source>
        <translation>Saisissez la phrase secrète actuelle de «&#xa0;{name}&#xa0;», puis deux fois la nouvelle.</translation>
    </message>
    <message>
        <source>A lost passphrase cannot be recovered: there is no reset and no hint, and without it nobody, not even Fieldreader, can read the library.</source>
        <translation>Une phrase secrète perdue ne peut pas être retrouvée&#xa0;: il n’y a ni réinitialisation ni indice, et sans elle personne, pas même Fieldreader, ne peut lire la bibliothèque.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Phrase secrète actuelle&#xa0;:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Nouvelle phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>The same again:</source>
        <translation>Confirmez-la&#xa0;:</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Vérification de la phrase secrète…</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Saisissez la phrase secrète.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Checking the passphrase</source>
        <translation>Vérification de la phrase secrète</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Phrase secrète incorrecte. Réessayez.</translation>
    </message>
    <message>
        <source>The passphrase could not be tried: {why}</source>
        <translation>La phrase secrète n’a pas pu être essayée&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Enter a new passphrase.</source>
        <translation>Saisissez une nouvelle phrase secrète.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the new one again.</source>
        <translation>Les deux phrases secrètes diffèrent. Retapez la nouvelle.</translation>
    </message>
    <message>
        <source>Decrypt Library</source>
        <translation>Déchiffrer la bibliothèque</translation>
    </message>
    <message>
        <source>Lock When Idle</source>
        <translation>Verrouiller en cas d’inactivité</translation>
    </message>
    <message>
        <source>Lock the library after this many minutes without use (0: never):</source>
        <translation>Verrouiller la bibliothèque après ce nombre de minutes sans utilisation (0&#xa0;: jamais)&#xa0;:</translation>
    </message>
    <message>
        <source>Decrypt “{name}”? The library and its backups will be written in the clear: anyone who has the computer can then read them.</source>
        <translation>Déchiffrer «&#xa0;{name}&#xa0;»&#x202f;? La bibliothèque et ses sauvegardes seront écrites en clair&#xa0;: quiconque a accès à l’ordinateur pourra alors les lire.</translation>
    </message>
</context>
<context>
    <name>PrivacyController</name>
    <message>
        <source>&amp;Encrypt Library…</source>
        <translation>&amp;Chiffrer la bibliothèque…</translation>
    </message>
    <message>
        <source>Change &amp;Passphrase…</source>
        <translation>Changer la &amp;phrase secrète…</translation>
    </message>
    <message>
        <source>&amp;Decrypt Library…</source>
        <translation>&amp;Déchiffrer la bibliothèque…</translation>
    </message>
    <message>
        <source>Loc&amp;k Now</source>
        <translation>Verrouiller mai&amp;ntenant</translation>
    </message>
    <message>
        <source>Lock When &amp;Idle…</source>
        <translation>Verrouiller en cas d’&amp;inactivité…</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Encrypting the library</source>
        <translation>Chiffrement de la bibliothèque</translation>
    </message>
    <message>
        <source>Changing the passphrase</source>
        <translation>Changement de la phrase secrète</translation>
    </message>
    <message>
        <source>Decrypting the library</source>
        <translation>Déchiffrement de la bibliothèque</translation>
    </message>
    <message>
        <source>The library is encrypted. Keep the passphrase safe: a lost passphrase cannot be recovered.</source>
        <translation>La bibliothèque est chiffrée. Gardez la phrase secrète en lieu sûr&#xa0;: une phrase secrète perdue ne peut pas être retrouvée.</translation>
    </message>
    <message>
        <source>The library is no longer encrypted.</source>
        <translation>La bibliothèque n’est plus chiffrée.</translation>
    </message>
    <message>
        <source>The library is locked.</source>
        <translation>La bibliothèque est verrouillée.</translation>
    </message>
    <message>
        <source>The library is unlocked.</source>
        <translation>La bibliothèque est déverrouillée.</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>Déverr&amp;ouiller…</translation>
    </message>
    <message>
        <source>Fieldreader is still working ({what}); try again when it has finished.</source>
        <translation>Fieldreader est encore occupé ({what})&#x202f;; réessayez quand ce sera terminé.</translation>
    </message>
    <message>
        <source>The library was not changed: {why}</source>
        <translation>La bibliothèque n’a pas été modifiée&#xa0;: {why}</translation>
    </message>
    <message>
        <source>The library is being re-encrypted; try again when that has finished.</source>
        <translation type="vanished">La bibliothèque est en cours de rechiffrement&#x202f;; réessayez quand ce sera terminé.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Lecteur</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <source>Fetch All</source>
        <translation>Tout récupérer</translation>
    </message>
    <message>
        <source>Fetch Selected</source>
        <translation>Récupérer la sélection</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Tags: {0}</source>
        <translation>Étiquettes&#xa0;: {0}</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajoutée</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>not tried yet</source>
        <translation>pas encore essayée</translation>
    </message>
    <message>
        <source>Last tried {0}</source>
        <translation>Dernier essai {0}</translation>
    </message>
</context>
<context>
    <name>ReadLaterDialog</name>
    <message>
        <source>Read Later</source>
        <translation>À lire plus tard</translation>
    </message>
    <message>
        <source>Addresses you imported while offline wait here. Nothing is fetched until you click Fetch; a failure stays in the list with its reason.</source>
        <translation>Les adresses importées hors ligne attendent ici. Rien n’est récupéré tant que vous ne cliquez pas sur Récupérer&#x202f;; un échec reste dans la liste avec sa raison.</translation>
    </message>
    <message>
        <source>Nothing is waiting.
A URL imported without a connection is kept here until you fetch it.</source>
        <translation>Rien n’attend.
Une URL importée sans connexion est gardée ici jusqu’à ce que vous la récupériez.</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <source>Article</source>
        <extracomment>called with the context menu, to add more (e.g. &quot;Code Selection to&quot;)</extracomment>
        <translation>Article</translation>
    </message>
    <message>
        <source>Mark “{shown}” as Entity</source>
        <translation>Marquer «&#xa0;{shown}&#xa0;» comme entité</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Surligner</translation>
    </message>
    <message>
        <source>Add Note…</source>
        <translation>Ajouter une note…</translation>
    </message>
    <message>
        <source>Nothing open yet</source>
        <translation>Aucun article ouvert</translation>
    </message>
    <message>
        <source>Choose an article from the library, or bring in your own with File&#xa0;›&#xa0;Import&#xa0;files… or by dropping files and folders on this window.</source>
        <translation>Choisissez un article dans la bibliothèque, ou apportez les vôtres avec Fichier&#xa0;›&#xa0;Importer&#xa0;des&#xa0;fichiers… ou en déposant fichiers et dossiers sur cette fenêtre.</translation>
    </message>
</context>
<context>
    <name>ReextractDone</name>
    <message>
        <source>Entities extracted again from {n} article</source>
        <translation>Entités réextraites de {n} article</translation>
    </message>
    <message>
        <source>Entities extracted again from {n} articles</source>
        <translation>Entités réextraites de {n} articles</translation>
    </message>
    <message>
        <source>{line} (cancelled)</source>
        <translation>{line} (annulé)</translation>
    </message>
</context>
<context>
    <name>ReviewCommand</name>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Back to Suggested</source>
        <translation>Revenir à «&#xa0;suggéré&#xa0;»</translation>
    </message>
    <message>
        <source>that coding is no longer in the library</source>
        <translation>ce codage n’est plus dans la bibliothèque</translation>
    </message>
    <message>
        <source>Redoing the review</source>
        <translation>Rétablissement de la revue</translation>
    </message>
    <message>
        <source>Undoing the review</source>
        <translation>Annulation de la revue</translation>
    </message>
    <message>
        <source>Redone: {0}</source>
        <translation>Rétabli&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Undone: {0}</source>
        <translation>Annulé&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Move to “{0}”</source>
        <translation>Déplacer vers «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>Code to “{0}”</source>
        <translation>Coder dans «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>the coding to put back was not kept</source>
        <translation>le codage à remettre n’a pas été conservé</translation>
    </message>
</context>
<context>
    <name>RevisionsModel</name>
    <message>
        <source>{moment} (current)</source>
        <translation>{moment} (actuelle)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
</context>
<context>
    <name>SafetyController</name>
    <message>
        <source>The library is being restored from a backup; try again when that has finished.</source>
        <extracomment>What a repair may change: the search indexes, entity counts and mentions, note anchors, codings&apos; places.</extracomment>
        <translation>La bibliothèque est en cours de restauration depuis une sauvegarde&#x202f;; réessayez quand ce sera terminé.</translation>
    </message>
    <message>
        <source>Fieldreader is still working ({what}). Restore from Backup replaces the whole library, so wait until that has finished (or cancel it), then try again.</source>
        <translation>Fieldreader est encore occupé ({what}). Restaurer une sauvegarde remplace toute la bibliothèque&#xa0;: attendez que ce soit terminé (ou annulez), puis réessayez.</translation>
    </message>
    <message>
        <source>&amp;Check Library…</source>
        <translation>&amp;Vérifier la bibliothèque…</translation>
    </message>
    <message>
        <source>&amp;Back Up Library…</source>
        <translation>&amp;Sauvegarder la bibliothèque…</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Daily &amp;Automatic Backups</source>
        <translation>Sauvegardes &amp;automatiques quotidiennes</translation>
    </message>
    <message>
        <source>Keep a copy of the library made each day in {v1}</source>
        <translation>Garder une copie de la bibliothèque faite chaque jour dans {v1}</translation>
    </message>
    <message>
        <source>Check Library</source>
        <extracomment>The Library menu&apos;s entries, in order (``None``: a separator).</extracomment>
        <translation>Vérifier la bibliothèque</translation>
    </message>
    <message>
        <source>Repair Library</source>
        <translation>Réparer la bibliothèque</translation>
    </message>
    <message>
        <source>fieldreader-backup-{day}.sqlite</source>
        <translation>fieldreader-sauvegarde-{day}.sqlite</translation>
    </message>
    <message>
        <source>Back Up Library</source>
        <translation>Sauvegarder la bibliothèque</translation>
    </message>
    <message>
        <source>That is the library itself; choose another file for the backup.</source>
        <translation>C’est la bibliothèque elle-même&#x202f;; choisissez un autre fichier pour la sauvegarde.</translation>
    </message>
    <message>
        <source>Back Up</source>
        <translation>Sauvegarder</translation>
    </message>
    <message>
        <source>The library was backed up to {path}</source>
        <translation>La bibliothèque a été sauvegardée dans {path}</translation>
    </message>
    <message>
        <source>The automatic backup failed: {reason}</source>
        <translation>La sauvegarde automatique a échoué&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>That is the library itself.</source>
        <translation>C’est la bibliothèque elle-même.</translation>
    </message>
    <message>
        <source>The library could not be restored: {reason}</source>
        <translation>La bibliothèque n’a pas pu être restaurée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>The library was restored. The library it replaced was kept as {path}</source>
        <translation>La bibliothèque a été restaurée. Celle qu’elle remplace a été conservée sous {path}</translation>
    </message>
    <message>
        <source>The library was restored from the backup.</source>
        <translation>La bibliothèque a été restaurée depuis la sauvegarde.</translation>
    </message>
    <message>
        <source>restoring</source>
        <translation>restauration</translation>
    </message>
    <message>
        <source>{title}: {reason}</source>
        <translation>{title}&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>SafetyDialogs</name>
    <message>
        <source>Fieldreader library (*.sqlite *.db);;All files (*)</source>
        <translation>Bibliothèque Fieldreader (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Back Up Library</source>
        <translation>Sauvegarder la bibliothèque</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Replace the library with the backup “{name}”?</source>
        <translation>Remplacer la bibliothèque par la sauvegarde «&#xa0;{name}&#xa0;»&#x202f;?</translation>
    </message>
    <message>
        <source>Articles, notes and changes made since that backup will not be in the restored library.

The current library is not deleted: it is kept aside beside it, as “{stem}.before-restore-….sqlite”, so you can go back to it.</source>
        <translation>Les articles, notes et modifications faits depuis cette sauvegarde ne seront pas dans la bibliothèque restaurée.

La bibliothèque actuelle n’est pas supprimée&#xa0;: elle est mise de côté juste à côté, sous «&#xa0;{stem}.before-restore-….sqlite&#xa0;», pour que vous puissiez y revenir.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Repair Library</source>
        <translation>Réparer la bibliothèque</translation>
    </message>
    <message>
        <source>Check Library</source>
        <translation>Vérifier la bibliothèque</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Réparer</translation>
    </message>
</context>
<context>
    <name>SafetyTasks</name>
    <message>
        <source>Checking the library</source>
        <translation>Vérification de la bibliothèque</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <source>Repairing the library</source>
        <translation>Réparation de la bibliothèque</translation>
    </message>
    <message>
        <source>Backing up the library</source>
        <translation>Sauvegarde de la bibliothèque</translation>
    </message>
    <message>
        <source>Checking the backup</source>
        <translation>Vérification de la sauvegarde</translation>
    </message>
    <message>
        <source>Restoring the library</source>
        <translation>Restauration de la bibliothèque</translation>
    </message>
    <message>
        <source>Automatic backup</source>
        <translation>Sauvegarde automatique</translation>
    </message>
</context>
<context>
    <name>SearchFound</name>
    <message>
        <source>Long query: searched the first term</source>
        <extracomment>At most this many results are listed.</extracomment>
        <translation>Requête longue&#xa0;: seul le premier terme a été cherché</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Vouliez-vous dire %1&#x202f;?</translation>
    </message>
    <message>
        <source>Search for %1</source>
        <translation>Rechercher %1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Searching for “%1”</source>
        <translation>Recherche de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>At least %1 of %2 articles match “%3”</source>
        <translation>Au moins %1 articles sur %2 correspondent à «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <source>%1 of %2 articles match “%3”</source>
        <translation>%1 articles sur %2 correspondent à «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <source>No article matches “%1”</source>
        <translation>Aucun article ne correspond à «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>The only article matches “%1”</source>
        <translation>Le seul article correspond à «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>1 of %1 articles matches “%2”</source>
        <translation>1 article sur %1 correspond à «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>All %1 articles match “%2”</source>
        <translation>Les %1 articles correspondent tous à «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>None of the %1 articles match “%2”</source>
        <translation>Aucun des %1 articles ne correspond à «&#xa0;%2&#xa0;»</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Library list</source>
        <translation>Liste de la bibliothèque</translation>
    </message>
    <message>
        <source>Open the menu of the chosen rows</source>
        <translation>Ouvrir le menu des lignes choisies</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Filter by command or key</source>
        <translation>Filtrer par commande ou touche</translation>
    </message>
</context>
<context>
    <name>SourceController</name>
    <message>
        <source>Import from &amp;URL…</source>
        <translation>Importer depuis une &amp;URL…</translation>
    </message>
    <message>
        <source>&amp;Read Later…</source>
        <translation>À lire plus ta&amp;rd…</translation>
    </message>
    <message>
        <source>F&amp;eeds…</source>
        <translation>&amp;Flux…</translation>
    </message>
    <message>
        <source>Read Later</source>
        <extracomment>The File menu&apos;s entries, in order.</extracomment>
        <translation>À lire plus tard</translation>
    </message>
    <message>
        <source>Remove this address from Read Later? It will not be fetched.</source>
        <translation>Retirer cette adresse de «&#xa0;À lire plus tard&#xa0;»&#x202f;? Elle ne sera pas récupérée.</translation>
    </message>
    <message>
        <source>Remove {0} addresses from Read Later? They will not be fetched.</source>
        <translation>Retirer {0} adresses de «&#xa0;À lire plus tard&#xa0;»&#x202f;? Elles ne seront pas récupérées.</translation>
    </message>
    <message>
        <source>Remove from Read Later</source>
        <translation>Retirer de «&#xa0;À lire plus tard&#xa0;»</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Feed list imported</source>
        <translation>Liste de flux importée</translation>
    </message>
    <message>
        <source>Wrote 1 feed to %1</source>
        <translation>1 flux écrit dans %1</translation>
    </message>
    <message>
        <source>Wrote %1 feeds to %2</source>
        <translation>%1 flux écrits dans %2</translation>
    </message>
    <message>
        <source>Subscribed to {0}. Nothing is fetched until you click Refresh.</source>
        <translation>Abonné à {0}. Rien n’est récupéré tant que vous ne cliquez pas sur Actualiser.</translation>
    </message>
    <message>
        <source>Already subscribed to {0}.</source>
        <translation>Déjà abonné à {0}.</translation>
    </message>
    <message>
        <source>Feeds refreshed</source>
        <translation>Flux actualisés</translation>
    </message>
    <message>
        <source>Unsubscribe from this feed? The articles already imported stay in the library.</source>
        <translation>Se désabonner de ce flux&#x202f;? Les articles déjà importés restent dans la bibliothèque.</translation>
    </message>
    <message>
        <source>Unsubscribe from {0} feeds? The articles already imported stay in the library.</source>
        <translation>Se désabonner de {0} flux&#x202f;? Les articles déjà importés restent dans la bibliothèque.</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Se désabonner</translation>
    </message>
    <message>
        <source>{0} failed: {1}</source>
        <translation>{0}&#xa0;: échec&#xa0;: {1}</translation>
    </message>
</context>
<context>
    <name>SourceDialogs</name>
    <message>
        <source>Import Feed List</source>
        <translation>Importer une liste de flux</translation>
    </message>
    <message>
        <source>OPML feed lists (*.opml *.xml);;All files (*)</source>
        <translation>Listes de flux OPML (*.opml *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export Feed List</source>
        <translation>Exporter la liste de flux</translation>
    </message>
    <message>
        <source>OPML feed lists (*.opml)</source>
        <translation>Listes de flux OPML (*.opml)</translation>
    </message>
</context>
<context>
    <name>SourceTableDialog</name>
    <message>
        <source>Remove</source>
        <extracomment>The dialog&apos;s object name, title, introduction and what it says when the table is empty.</extracomment>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>SourceTasks</name>
    <message>
        <source>Importing feed list</source>
        <translation>Importation de la liste de flux</translation>
    </message>
    <message>
        <source>Exporting feed list</source>
        <translation>Exportation de la liste de flux</translation>
    </message>
    <message>
        <source>Fetching Read Later</source>
        <translation>Récupération de «&#xa0;À lire plus tard&#xa0;»</translation>
    </message>
    <message>
        <source>Refreshing feeds</source>
        <translation>Actualisation des flux</translation>
    </message>
    <message>
        <source>1 feed could not be reached</source>
        <translation>1 flux injoignable</translation>
    </message>
    <message>
        <source>Subscribing</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>Retrait</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>«&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>Nothing is waiting.</source>
        <translation>Rien n’attend.</translation>
    </message>
    <message>
        <source>Fetched 1 article</source>
        <translation>1 article récupéré</translation>
    </message>
    <message>
        <source>No feeds yet.</source>
        <translation>Pas encore de flux.</translation>
    </message>
    <message>
        <source>1 feed</source>
        <translation>1 flux</translation>
    </message>
    <message>
        <source>1 feed failed</source>
        <translation>1 flux en échec</translation>
    </message>
    <message>
        <source>Fetching {0}</source>
        <translation>Récupération de {0}</translation>
    </message>
    <message>
        <source>Nothing was fetched (cancelled).</source>
        <translation>Rien n’a été récupéré (annulé).</translation>
    </message>
    <message>
        <source>No feed was refreshed (cancelled).</source>
        <translation>Aucun flux n’a été actualisé (annulé).</translation>
    </message>
    <message>
        <source>Fetched {0} articles</source>
        <translation>{0} articles récupérés</translation>
    </message>
    <message>
        <source>{0} feeds</source>
        <translation>{0} flux</translation>
    </message>
    <message>
        <source>1 new article from {0}</source>
        <translation>1 nouvel article venu de {0}</translation>
    </message>
    <message>
        <source>{0} feeds could not be reached</source>
        <translation>{0} flux injoignables</translation>
    </message>
    <message>
        <source>{0} feeds failed</source>
        <translation>{0} flux en échec</translation>
    </message>
    <message>
        <source>{0} already in the library</source>
        <translation>{0} déjà dans la bibliothèque</translation>
    </message>
    <message>
        <source>{0} still waiting for a connection</source>
        <translation>{0} attendent encore une connexion</translation>
    </message>
    <message>
        <source>{0} failed (kept, with the reason)</source>
        <translation>{0} en échec (gardées, avec la raison)</translation>
    </message>
    <message>
        <source>already in the library</source>
        <translation>déjà dans la bibliothèque</translation>
    </message>
    <message>
        <source>{0} new articles from {1}</source>
        <translation>{0} nouveaux articles venus de {1}</translation>
    </message>
    <message>
        <source>No new articles in {0}</source>
        <translation>Aucun nouvel article dans {0}</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>{0}: {1} new</source>
        <translation>{0}&#xa0;: {1} nouveaux</translation>
    </message>
    <message>
        <source>{0}: unchanged</source>
        <translation>{0}&#xa0;: inchangé</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>failed: {0}</source>
        <translation>échec&#xa0;: {0}</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>doublon</translation>
    </message>
</context>
<context>
    <name>TagCountsModel</name>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
</context>
<context>
    <name>TagListModel</name>
    <message>
        <source>All articles</source>
        <translation>Tous les articles</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Manage Tags</source>
        <translation>Gérer les étiquettes</translation>
    </message>
    <message>
        <source>Renaming a tag renames it on every article (and in the feeds that tag what they import); a new name that is already a tag merges the two.</source>
        <translation>Renommer une étiquette la renomme sur chaque article (et dans les flux qui étiquettent ce qu’ils importent)&#x202f;; un nouveau nom qui est déjà une étiquette fusionne les deux.</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>No article has a tag yet.</source>
        <translation>Aucun article n’a encore d’étiquette.</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>&amp;Show Articles</source>
        <translation>&amp;Afficher les articles</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>{label}: {name}</source>
        <translation>{label}&#xa0;: {name}</translation>
    </message>
    <message>
        <source>{label}…</source>
        <translation>{label}…</translation>
    </message>
    <message>
        <source>{label}: stopping…</source>
        <translation>{label}&#xa0;: arrêt en cours…</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Fieldreader is still working on something else; try again when it has finished.</source>
        <extracomment>Why a task that must run alone was not started.</extracomment>
        <translation>Fieldreader est occupé à autre chose&#x202f;; réessayez quand ce sera terminé.</translation>
    </message>
</context>
<context>
    <name>TransferController</name>
    <message>
        <source>Import Library restores a Fieldreader export into an empty library, so nothing already here can clash with it. This library holds {what}.

To import, start Fieldreader on a new library file (fieldreader --library NEW.sqlite gui) and import there, or use: fieldreader --library NEW.sqlite import-library FILE.json</source>
        <translation>Importer une bibliothèque restaure une exportation de Fieldreader dans une bibliothèque vide, pour que rien de ce qui s’y trouve déjà ne puisse entrer en conflit avec elle. Cette bibliothèque contient {what}.

Pour importer, lancez Fieldreader sur un nouveau fichier de bibliothèque (fieldreader --library NOUVELLE.sqlite gui) et importez-y, ou utilisez&#xa0;: fieldreader --library NOUVELLE.sqlite import-library FICHIER.json</translation>
    </message>
    <message>
        <source>Export &amp;Notes as Markdown…</source>
        <translation>Exporter les &amp;notes en Markdown…</translation>
    </message>
    <message>
        <source>&amp;Export Library…</source>
        <translation>Ex&amp;porter la bibliothèque…</translation>
    </message>
    <message>
        <source>Import &amp;Library…</source>
        <translation>Importer une &amp;bibliothèque…</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <extracomment>The File menu&apos;s entries, in order.</extracomment>
        <translation>Exporter les notes</translation>
    </message>
    <message>
        <source>Export Library</source>
        <translation>Exporter la bibliothèque</translation>
    </message>
    <message>
        <source>Import Library</source>
        <translation>Importer une bibliothèque</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>{title} failed: {reason}</source>
        <translation>{title}&#xa0;: échec ({reason})</translation>
    </message>
</context>
<context>
    <name>TransferDialogs</name>
    <message>
        <source>Fieldreader library (*.json);;All files (*)</source>
        <translation>Bibliothèque Fieldreader (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export Notes as Markdown</source>
        <translation type="vanished">Exporter les notes en Markdown</translation>
    </message>
    <message>
        <source>Export Library</source>
        <translation type="vanished">Exporter la bibliothèque</translation>
    </message>
    <message>
        <source>fieldreader-library.json</source>
        <translation>fieldreader-bibliotheque.json</translation>
    </message>
    <message>
        <source>Import Library</source>
        <translation>Importer une bibliothèque</translation>
    </message>
</context>
<context>
    <name>TransferDone</name>
    <message>
        <source>{n} article</source>
        <translation>{n} article</translation>
    </message>
    <message>
        <source>{n} articles</source>
        <translation>{n} articles</translation>
    </message>
    <message>
        <source>{n} note</source>
        <translation>{n} note</translation>
    </message>
    <message>
        <source>{n} notes</source>
        <translation>{n} notes</translation>
    </message>
    <message>
        <source>{n} private note left out</source>
        <translation>{n} note privée laissée de côté</translation>
    </message>
    <message>
        <source>{n} private notes left out</source>
        <translation>{n} notes privées laissées de côté</translation>
    </message>
    <message>
        <source>tick Include private notes to export them</source>
        <translation>cochez «&#xa0;Inclure les notes privées&#xa0;» pour les exporter</translation>
    </message>
    <message>
        <source>The library export was cancelled; no file was written.</source>
        <translation>L’exportation de la bibliothèque a été annulée&#x202f;; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>There are no notes or highlights to export yet.</source>
        <translation>Il n’y a pas encore de notes ni de surlignages à exporter.</translation>
    </message>
    <message>
        <source>{n} Markdown file</source>
        <translation>{n} fichier Markdown</translation>
    </message>
    <message>
        <source>{n} Markdown files</source>
        <translation>{n} fichiers Markdown</translation>
    </message>
    <message>
        <source>Exported {files} to {path}</source>
        <translation>Exportation dans {path}&#xa0;: {files}</translation>
    </message>
    <message>
        <source>Exported the library ({articles}, {notes}) to {path}</source>
        <translation>Bibliothèque exportée ({articles}, {notes}) dans {path}</translation>
    </message>
    <message>
        <source>Imported {articles} and {notes} from {path}</source>
        <translation>Importation depuis {path}&#xa0;: {articles} et {notes}</translation>
    </message>
</context>
<context>
    <name>TransferTasks</name>
    <message>
        <source>Exporting notes</source>
        <translation>Exportation des notes</translation>
    </message>
    <message>
        <source>Exporting the library</source>
        <translation>Exportation de la bibliothèque</translation>
    </message>
    <message>
        <source>Importing the library</source>
        <translation>Importation de la bibliothèque</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <extracomment>The share of the screen&apos;s free room the dialog opens at, and the most it takes.</extracomment>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Articles in the Trash</source>
        <translation>Articles dans la corbeille</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>&amp;Vider la corbeille…</translation>
    </message>
    <message>
        <source>1 article is in the Trash.</source>
        <translation>1 article est dans la corbeille.</translation>
    </message>
    <message>
        <source>%1 articles are in the Trash.</source>
        <translation>%1 articles sont dans la corbeille.</translation>
    </message>
    <message>
        <source>Restoring brings an article back with its notes, highlights and codings; emptying the Trash deletes them for good.</source>
        <translation>Restaurer ramène un article avec ses notes, surlignages et codages&#x202f;; vider la corbeille les supprime définitivement.</translation>
    </message>
    <message>
        <source>Articles you delete wait here until you empty the Trash.</source>
        <translation>Les articles que vous supprimez attendent ici jusqu’à ce que vous vidiez la corbeille.</translation>
    </message>
</context>
<context>
    <name>TrashModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé le</translation>
    </message>
    <message>
        <source>No date</source>
        <translation type="vanished">Sans date</translation>
    </message>
</context>
<context>
    <name>UrlDialog</name>
    <message>
        <source>optional, separated by commas</source>
        <translation>facultatif, séparées par des virgules</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>É&amp;tiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>Import from URL</source>
        <translation>Importer depuis une URL</translation>
    </message>
    <message>
        <source>Import a web page, PDF or feed</source>
        <translation>Importer une page web, un PDF ou un flux</translation>
    </message>
    <message>
        <source>Fieldreader fetches this address once, now, and keeps the article for offline reading. Without a connection it is saved to Read Later instead.</source>
        <translation>Fieldreader récupère cette adresse une fois, maintenant, et garde l’article pour le lire hors ligne. Sans connexion, elle est mise dans À lire plus tard.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Add Feed</source>
        <translation>Ajouter un flux</translation>
    </message>
    <message>
        <source>Subscribe to an RSS or Atom feed</source>
        <translation>S’abonner à un flux RSS ou Atom</translation>
    </message>
    <message>
        <source>Nothing is fetched now. Refresh fetches the feed and imports the entries that are new; the tags are given to its articles.</source>
        <translation>Rien n’est récupéré maintenant. Actualiser récupère le flux et importe les nouvelles entrées&#x202f;; les étiquettes sont données à ses articles.</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>S’abonner</translation>
    </message>
</context>
</TS>
