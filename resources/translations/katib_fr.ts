<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
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
            <translation>Katib n'a besoin ni de réseau ni de compte et n'envoie aucune statistique : rien de ce que vous saisissez ou ouvrez ne quitte cet ordinateur.</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>Langue de l'interface</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Commencer</translation>
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
            <translation>Aucune licence n'est déclarée dans ce fichier de modèle.</translation>
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
            <source>● Offline</source>
            <translation>● Hors ligne</translation>
        </message>
        <message>
            <source>Katib works without a network: no text, document or statistic leaves this computer.</source>
            <translation>Katib fonctionne sans réseau : aucun texte, document ou statistique ne quitte cet ordinateur.</translation>
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
            <translation>Le modèle n'a pas pu être chargé : %1</translation>
        </message>
        <message>
            <source>Model closed</source>
            <translation>Modèle fermé</translation>
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
            <source>Signatory's title</source>
            <translation>Qualité du signataire</translation>
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
            <translation>Langue de l'interface</translation>
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
            <source>Processor threads the model uses; a change applies when the model is next loaded.</source>
            <translation>Fils du processeur utilisés par le modèle ; une modification s'applique au prochain chargement du modèle.</translation>
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
            <translation>Katib fonctionne hors ligne. Le modèle s'exécute sur cet ordinateur ; brouillons, résumés et documents sont enregistrés uniquement dans son dossier de données. Rien n'est envoyé sur le réseau et aucune statistique n'est collectée.</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
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
            <source>Settings saved.</source>
            <translation>Paramètres enregistrés.</translation>
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
