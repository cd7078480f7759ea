<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>CitationPanel</name>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Click a citation such as [1] in the note to see the passage it comes from.</source>
        <translation>Cliquez sur une citation comme [1] dans la note pour voir le passage d&apos;où elle vient.</translation>
    </message>
    <message>
        <source>Source [%1]</source>
        <translation>Source [%1]</translation>
    </message>
    <message>
        <source>This citation does not match any passage of the sources.</source>
        <translation>Cette citation ne correspond à aucun passage des sources.</translation>
    </message>
    <message>
        <source>page %1, paragraph %2</source>
        <translation>page %1, paragraphe %2</translation>
    </message>
    <message>
        <source>paragraph %1</source>
        <translation>paragraphe %1</translation>
    </message>
</context>
<context>
    <name>DraftActionBar</name>
    <message>
        <source>&amp;Regenerate</source>
        <translation>&amp;Régénérer</translation>
    </message>
    <message>
        <source>S&amp;horten</source>
        <translation>&amp;Raccourcir</translation>
    </message>
    <message>
        <source>More &amp;formal</source>
        <translation>Plus &amp;formel</translation>
    </message>
    <message>
        <source>&amp;Translate</source>
        <translation>&amp;Traduire</translation>
    </message>
    <message>
        <source>&amp;Export .docx</source>
        <translation>&amp;Exporter en .docx</translation>
    </message>
    <message>
        <source>Save as a Word document and open it (Ctrl+E)</source>
        <translation>Enregistrer en document Word et l&apos;ouvrir (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the whole document (Ctrl+Shift+C)</source>
        <translation>Copier tout le document (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <source>&amp;Print preview</source>
        <translation>&amp;Aperçu avant impression</translation>
    </message>
    <message>
        <source>See the printed page (Ctrl+P)</source>
        <translation>Voir la page imprimée (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>DraftDocument</name>
    <message>
        <source>To check before signing:</source>
        <translation>À vérifier avant signature :</translation>
    </message>
    <message>
        <source>Fill in the form, then press Generate. The body appears here and can be edited.</source>
        <translation>Remplissez le formulaire, puis cliquez sur Générer. Le corps du texte apparaît ici et reste modifiable.</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>À compléter : %1</translation>
    </message>
    <message>
        <source>Not in the form: %1</source>
        <translation>Absent du formulaire : %1</translation>
    </message>
</context>
<context>
    <name>DraftTopBar</name>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <source>Write the body with the model (Ctrl+Enter)</source>
        <translation>Rédiger le corps avec le modèle (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>Start another document; this one stays in the History (Ctrl+N)</source>
        <translation>Commencer un autre document ; celui-ci reste dans l&apos;Historique (Ctrl+N)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the model now; the text so far is kept (Esc)</source>
        <translation>Arrêter le modèle maintenant ; le texte déjà écrit est conservé (Échap)</translation>
    </message>
</context>
<context>
    <name>DraftView</name>
    <message>
        <source>Press Generate or Translate to write the document in this language.</source>
        <translation>Cliquez sur Générer ou Traduire pour rédiger le document dans cette langue.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Rédaction en cours…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Stopped: the text so far is kept.</source>
        <translation>Arrêté : le texte déjà écrit est conservé.</translation>
    </message>
    <message>
        <source>Done. You can edit the text.</source>
        <translation>Terminé. Vous pouvez modifier le texte.</translation>
    </message>
    <message>
        <source>The model stopped with an error.</source>
        <translation>Le modèle s&apos;est arrêté sur une erreur.</translation>
    </message>
    <message>
        <source>The document was copied.</source>
        <translation>Le document a été copié.</translation>
    </message>
    <message>
        <source>Export the document</source>
        <translation>Exporter le document</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Documents Word (*.docx)</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Enregistré sous %1</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>Required: left empty, it becomes a visible placeholder in the draft.</source>
        <translation>Obligatoire : laissé vide, il devient une mention à compléter visible dans le projet.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Katib</source>
        <translation>Bienvenue dans Katib</translation>
    </message>
    <message>
        <source>Katib drafts administrative documents and summarizes the documents you receive, with a language model that runs on this computer. Tell it who your letters come from; you can change this later in Settings.</source>
        <translation>Katib rédige des documents administratifs et résume les documents que vous recevez, avec un modèle de langue qui fonctionne sur cet ordinateur. Indiquez de qui émanent vos courriers ; vous pourrez le modifier plus tard dans les Paramètres.</translation>
    </message>
    <message>
        <source>Katib needs no network, no account and sends no statistics: nothing you type or open leaves this computer.</source>
        <translation>Katib n&apos;a besoin ni de réseau ni de compte et n&apos;envoie aucune statistique : rien de ce que vous saisissez ou ouvrez ne quitte cet ordinateur.</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l&apos;interface</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Commencer</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Search drafts, summaries, documents… (Ctrl+F)</source>
        <translation>Rechercher brouillons, synthèses, documents… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Every word must occur. Accents, capitals and Arabic vowel marks are ignored.</source>
        <translation>Tous les mots doivent figurer. Les accents, les majuscules et les voyelles arabes sont ignorés.</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Summaries</source>
        <translation>Synthèses</translation>
    </message>
    <message>
        <source>Imported documents</source>
        <translation>Documents importés</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Toutes les langues</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>Extrait</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Reopen on the screen that made it (Enter)</source>
        <translation>Rouvrir dans l&apos;écran qui l&apos;a créé (Entrée)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <source>Make a copy to start from (Ctrl+D)</source>
        <translation>Faire une copie pour repartir de celle-ci (Ctrl+D)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Move to the trash; it can be undone (Del)</source>
        <translation>Mettre à la corbeille ; on peut annuler (Suppr)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>The history is not available: the database could not be opened.</source>
        <translation>L&apos;historique n&apos;est pas disponible : la base de données n&apos;a pas pu être ouverte.</translation>
    </message>
    <message>
        <source>Nothing found. Try fewer or shorter words.</source>
        <translation>Aucun résultat. Essayez avec moins de mots, ou des mots plus courts.</translation>
    </message>
    <message>
        <source>Nothing here yet: your drafts and summaries will appear here.</source>
        <translation>Rien pour l&apos;instant : vos brouillons et vos synthèses apparaîtront ici.</translation>
    </message>
    <message>
        <source>Copy made.</source>
        <translation>Copie créée.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>“%1” was moved to the trash.</source>
        <translation>« %1 » a été mis à la corbeille.</translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <source>Licence of %1</source>
        <translation>Licence de %1</translation>
    </message>
    <message>
        <source>No licence is declared in this model file.</source>
        <translation>Aucune licence n&apos;est déclarée dans ce fichier de modèle.</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Katib — offline drafting assistant</source>
        <translation>Katib — assistant de rédaction hors ligne</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Rédiger</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>Résumer</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>● Office server</source>
        <translation>● Serveur du service</translation>
    </message>
    <message>
        <source>Texts are sent only to the office server %1, allowed by your administrator; nothing goes anywhere else.</source>
        <translation>Les textes sont envoyés uniquement au serveur du service %1, autorisé par votre administrateur ; rien ne part ailleurs.</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Hors ligne</translation>
    </message>
    <message>
        <source>Katib works without a network: no text, document or statistic leaves this computer.</source>
        <translation>Katib fonctionne sans réseau : aucun texte, document ou statistique ne quitte cet ordinateur.</translation>
    </message>
    <message>
        <source>Network guard on; connection attempts blocked since start: %1</source>
        <translation>Garde réseau active ; tentatives de connexion bloquées depuis le démarrage : %1</translation>
    </message>
    <message>
        <source>Katib</source>
        <translation>Katib</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Chargement du modèle…</translation>
    </message>
    <message>
        <source>Model ready: %1</source>
        <translation>Modèle prêt : %1</translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation>Le modèle n&apos;a pas pu être chargé : %1</translation>
    </message>
    <message>
        <source>Model closed</source>
        <translation>Modèle fermé</translation>
    </message>
</context>
<context>
    <name>MaskControl</name>
    <message>
        <source>&amp;Unmask</source>
        <translation>&amp;Démasquer</translation>
    </message>
    <message>
        <source>Put the masked personal data back (Ctrl+Shift+A)</source>
        <translation>Remettre les données personnelles masquées (Ctrl+Maj+A)</translation>
    </message>
    <message>
        <source>&amp;Anonymize</source>
        <translation>&amp;Anonymiser</translation>
    </message>
    <message>
        <source>Mask names, ID numbers, phones, e-mails, bank accounts and addresses. Reversible in Katib; an export keeps only the labels (Ctrl+Shift+A)</source>
        <translation>Masquer noms, numéros de CIN, téléphones, courriels, comptes bancaires et adresses. Réversible dans Katib ; un export ne garde que les étiquettes (Ctrl+Maj+A)</translation>
    </message>
    <message>
        <source>No personal data was found.</source>
        <translation>Aucune donnée personnelle n&apos;a été trouvée.</translation>
    </message>
    <message>
        <source>%1 values masked; Unmask puts them back.</source>
        <translation>%1 valeurs masquées ; « Démasquer » les remet.</translation>
    </message>
    <message>
        <source>Personal data restored.</source>
        <translation>Données personnelles remises.</translation>
    </message>
</context>
<context>
    <name>ModelsView</name>
    <message>
        <source>Models are files on this computer. Import one from a file or a USB key: it is checked, then copied. The active model drafts and summarizes.</source>
        <translation>Les modèles sont des fichiers sur cet ordinateur. Importez-en un depuis un fichier ou une clé USB : il est vérifié, puis copié. Le modèle actif rédige et résume.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>&amp;Import a model…</source>
        <translation>&amp;Importer un modèle…</translation>
    </message>
    <message>
        <source>Copy a GGUF model file from a folder or a USB key (Ctrl+I)</source>
        <translation>Copier un fichier de modèle GGUF depuis un dossier ou une clé USB (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Use this model</source>
        <translation>&amp;Utiliser ce modèle</translation>
    </message>
    <message>
        <source>&amp;Verify checksums</source>
        <translation>&amp;Vérifier les empreintes</translation>
    </message>
    <message>
        <source>Show &amp;licence</source>
        <translation>Afficher la &amp;licence</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vérifiée</translation>
    </message>
    <message>
        <source>Does not match the catalogue</source>
        <translation>Ne correspond pas au catalogue</translation>
    </message>
    <message>
        <source>Not in the catalogue</source>
        <translation>Absent du catalogue</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Pas encore vérifiée</translation>
    </message>
    <message>
        <source>Too large for this computer</source>
        <translation>Trop volumineux pour cet ordinateur</translation>
    </message>
    <message>
        <source>%1 — tight on this computer</source>
        <translation>%1 — juste pour cet ordinateur</translation>
    </message>
    <message>
        <source>%1 — fits</source>
        <translation>%1 — tient en mémoire</translation>
    </message>
    <message>
        <source>Import a model</source>
        <translation>Importer un modèle</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modèles GGUF (*.gguf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importation de %1…</translation>
    </message>
    <message>
        <source>%1 was imported. Select it and press “Use this model” to draft with it.</source>
        <translation>%1 a été importé. Sélectionnez-le et cliquez sur « Utiliser ce modèle » pour rédiger avec.</translation>
    </message>
    <message>
        <source>Verifying checksums…</source>
        <translation>Vérification des empreintes…</translation>
    </message>
    <message>
        <source>Checksums verified.</source>
        <translation>Empreintes vérifiées.</translation>
    </message>
</context>
<context>
    <name>OfficeFields</name>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Ministère</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <source>Signatory&apos;s title</source>
        <translation>Qualité du signataire</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Choose the backup to bring back. It is checked before anything is replaced, and the current history is kept beside it.</source>
        <translation>Choisissez la sauvegarde à remettre en place. Elle est vérifiée avant que rien ne soit remplacé, et l&apos;historique actuel est conservé à côté.</translation>
    </message>
    <message>
        <source>No backup was found in Katib&apos;s folder. If you keep one elsewhere (a USB key), choose it with &quot;Other file…&quot;.</source>
        <translation>Aucune sauvegarde dans le dossier de Katib. Si vous en gardez une ailleurs (une clé USB), choisissez-la avec « Autre fichier… ».</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>&amp;Other file…</source>
        <translation>&amp;Autre fichier…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>faite à la main</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Choisir une sauvegarde</translation>
    </message>
    <message>
        <source>Katib backups (*.db);;All files (*)</source>
        <translation>Sauvegardes Katib (*.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Wait until the model has finished (or stop it), then restore the backup.</source>
        <translation>Attendez que le modèle ait terminé (ou arrêtez-le), puis restaurez la sauvegarde.</translation>
    </message>
    <message>
        <source>The history was restored from the backup of %1.</source>
        <translation>L&apos;historique a été restauré à partir de la sauvegarde du %1.</translation>
    </message>
    <message>
        <source>The history it replaced is kept as %1.</source>
        <translation>L&apos;historique remplacé est conservé sous le nom %1.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Office identity and letterhead</source>
        <translation>Identité du service et en-tête</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l&apos;interface</translation>
    </message>
    <message>
        <source>Default output language</source>
        <translation>Langue de rédaction par défaut</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Fils de calcul</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Processor threads the model uses; the model is reloaded when this changes.</source>
        <translation>Fils du processeur utilisés par le modèle ; le modèle est rechargé quand ce nombre change.</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Katib works offline. The model runs on this computer; drafts, summaries and documents are stored only in its data folder. Nothing is sent over the network and no statistics are collected.</source>
        <translation>Katib fonctionne hors ligne. Le modèle s&apos;exécute sur cet ordinateur ; brouillons, résumés et documents sont enregistrés uniquement dans son dossier de données. Rien n&apos;est envoyé sur le réseau et aucune statistique n&apos;est collectée.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Katib copies the history (drafts, summaries, documents) once a day and keeps the last seven. Make a copy now before a big change, or bring one back.</source>
        <translation>Katib copie l&apos;historique (brouillons, synthèses, documents) une fois par jour et garde les sept dernières copies. Faites-en une maintenant avant un grand changement, ou remettez-en une en place.</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the settings (Ctrl+S)</source>
        <translation>Enregistrer les paramètres (Ctrl+S)</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Choisir le logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The history is not open: there is nothing to back up.</source>
        <translation>L&apos;historique n&apos;est pas ouvert : il n&apos;y a rien à sauvegarder.</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>Sauvegarde enregistrée : %1</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
</context>
<context>
    <name>SourcePanel</name>
    <message>
        <source>Add &amp;files…</source>
        <translation>Ajouter des &amp;fichiers…</translation>
    </message>
    <message>
        <source>Add documents to summarize (Ctrl+O)</source>
        <translation>Ajouter des documents à résumer (Ctrl+O)</translation>
    </message>
    <message>
        <source>Add a f&amp;older…</source>
        <translation>Ajouter un d&amp;ossier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Or drop files or a folder on the list. Katib reads Word, PDF, text, OpenDocument, web pages and e-mails.</source>
        <translation>Ou déposez des fichiers ou un dossier sur la liste. Katib lit les fichiers Word, PDF, texte, OpenDocument, les pages web et les courriels.</translation>
    </message>
    <message>
        <source>Documents to summarize</source>
        <translation>Documents à résumer</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
    <message>
        <source>A folder to summarize (a dossier)</source>
        <translation>Un dossier à résumer</translation>
    </message>
    <message>
        <source>No document Katib can read was found there.</source>
        <translation>Aucun document lisible par Katib n&apos;a été trouvé à cet endroit.</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>%1 mots</translation>
    </message>
    <message>
        <source>password needed</source>
        <translation>mot de passe nécessaire</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
</context>
<context>
    <name>SummarizeView</name>
    <message>
        <source>Note in:</source>
        <translation>Note en :</translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation>Détail :</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Courte</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>Détaillée</translation>
    </message>
    <message>
        <source>&amp;Summarize</source>
        <translation>&amp;Résumer</translation>
    </message>
    <message>
        <source>Write the note de synthèse (Ctrl+Enter)</source>
        <translation>Rédiger la note de synthèse (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Stop the summary (Esc)</source>
        <translation>Arrêter la synthèse (Échap)</translation>
    </message>
    <message>
        <source>&amp;Export .docx…</source>
        <translation>&amp;Exporter en .docx…</translation>
    </message>
    <message>
        <source>Save the note as a Word document (Ctrl+E)</source>
        <translation>Enregistrer la note comme document Word (Ctrl+E)</translation>
    </message>
    <message>
        <source>Add one or more documents, choose the language and the detail of the note, then press Summarize. Each point of the note cites the passage it comes from: click [1] to read it.</source>
        <translation>Ajoutez un ou plusieurs documents, choisissez la langue et le niveau de détail de la note, puis cliquez sur Résumer. Chaque point de la note cite le passage dont il vient : cliquez sur [1] pour le lire.</translation>
    </message>
    <message>
        <source>Add at least one document that could be read.</source>
        <translation>Ajoutez au moins un document lisible.</translation>
    </message>
    <message>
        <source>Stopping the summary…</source>
        <translation>Arrêt de la synthèse…</translation>
    </message>
    <message>
        <source>Stopped. Press Summarize to start again.</source>
        <translation>Arrêtée. Cliquez sur Résumer pour recommencer.</translation>
    </message>
    <message>
        <source>Done in %1.</source>
        <translation>Terminée en %1.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Rédaction en cours…</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Summarizing…</source>
        <translation>Synthèse en cours…</translation>
    </message>
    <message>
        <source>Part %1 of %2</source>
        <translation>Partie %1 sur %2</translation>
    </message>
    <message>
        <source>Writing the subject…</source>
        <translation>Rédaction de l&apos;objet…</translation>
    </message>
    <message>
        <source>Checking the citations…</source>
        <translation>Vérification des citations…</translation>
    </message>
    <message>
        <source>Translating the points…</source>
        <translation>Traduction des points…</translation>
    </message>
    <message>
        <source>Summarizing the next document…</source>
        <translation>Synthèse du document suivant…</translation>
    </message>
    <message>
        <source>Putting the note together…</source>
        <translation>Assemblage de la note…</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>encore environ %1</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompue</translation>
    </message>
    <message>
        <source>note-de-synthese</source>
        <translation>note-de-synthese</translation>
    </message>
    <message>
        <source>Export the note</source>
        <translation>Exporter la note</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Document Word (*.docx)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <source>Katib</source>
        <translation>Katib</translation>
    </message>
</context>
</TS>
