<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CitationPanel</name>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Click a citation such as [1] in the note to see the passage it comes from.</source>
        <translation>Click a citation such as [1] in the note to see the passage it comes from.</translation>
    </message>
    <message>
        <source>Source [%1]</source>
        <translation>Source [%1]</translation>
    </message>
    <message>
        <source>This citation does not match any passage of the sources.</source>
        <translation>This citation does not match any passage of the sources.</translation>
    </message>
    <message>
        <source>page %1, paragraph %2</source>
        <translation>page %1, paragraph %2</translation>
    </message>
    <message>
        <source>paragraph %1</source>
        <translation>paragraph %1</translation>
    </message>
</context>
<context>
    <name>DraftActionBar</name>
    <message>
        <source>&amp;Regenerate</source>
        <translation>&amp;Regenerate</translation>
    </message>
    <message>
        <source>S&amp;horten</source>
        <translation>S&amp;horten</translation>
    </message>
    <message>
        <source>More &amp;formal</source>
        <translation>More &amp;formal</translation>
    </message>
    <message>
        <source>&amp;Translate</source>
        <translation>&amp;Translate</translation>
    </message>
    <message>
        <source>&amp;Export .docx</source>
        <translation>&amp;Export .docx</translation>
    </message>
    <message>
        <source>Save as a Word document and open it (Ctrl+E)</source>
        <translation>Save as a Word document and open it (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Copy the whole document (Ctrl+Shift+C)</source>
        <translation>Copy the whole document (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>&amp;Print preview</source>
        <translation>&amp;Print preview</translation>
    </message>
    <message>
        <source>See the printed page (Ctrl+P)</source>
        <translation>See the printed page (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>DraftDocument</name>
    <message>
        <source>To check before signing:</source>
        <translation>To check before signing:</translation>
    </message>
    <message>
        <source>Fill in the form, then press Generate. The body appears here and can be edited.</source>
        <translation>Fill in the form, then press Generate. The body appears here and can be edited.</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>Missing: %1</translation>
    </message>
    <message>
        <source>Not in the form: %1</source>
        <translation>Not in the form: %1</translation>
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
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <source>Write the body with the model (Ctrl+Enter)</source>
        <translation>Write the body with the model (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>Start another document; this one stays in the History (Ctrl+N)</source>
        <translation>Start another document; this one stays in the History (Ctrl+N)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop the model now; the text so far is kept (Esc)</source>
        <translation>Stop the model now; the text so far is kept (Esc)</translation>
    </message>
</context>
<context>
    <name>DraftView</name>
    <message>
        <source>Press Generate or Translate to write the document in this language.</source>
        <translation>Press Generate or Translate to write the document in this language.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <source>Stopped: the text so far is kept.</source>
        <translation>Stopped: the text so far is kept.</translation>
    </message>
    <message>
        <source>Done. You can edit the text.</source>
        <translation>Done. You can edit the text.</translation>
    </message>
    <message>
        <source>The model stopped with an error.</source>
        <translation>The model stopped with an error.</translation>
    </message>
    <message>
        <source>The document was copied.</source>
        <translation>The document was copied.</translation>
    </message>
    <message>
        <source>Export the document</source>
        <translation>Export the document</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Saved as %1</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>Required: left empty, it becomes a visible placeholder in the draft.</source>
        <translation>Required: left empty, it becomes a visible placeholder in the draft.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Katib</source>
        <translation>Welcome to Katib</translation>
    </message>
    <message>
        <source>Katib drafts administrative documents and summarizes the documents you receive, with a language model that runs on this computer. Tell it who your letters come from; you can change this later in Settings.</source>
        <translation>Katib drafts administrative documents and summarizes the documents you receive, with a language model that runs on this computer. Tell it who your letters come from; you can change this later in Settings.</translation>
    </message>
    <message>
        <source>Katib needs no network, no account and sends no statistics: nothing you type or open leaves this computer.</source>
        <translation>Katib needs no network, no account and sends no statistics: nothing you type or open leaves this computer.</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Search drafts, summaries, documents… (Ctrl+F)</source>
        <translation>Search drafts, summaries, documents… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Every word must occur. Accents, capitals and Arabic vowel marks are ignored.</source>
        <translation>Every word must occur. Accents, capitals and Arabic vowel marks are ignored.</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>Summaries</source>
        <translation>Summaries</translation>
    </message>
    <message>
        <source>Imported documents</source>
        <translation>Imported documents</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>All languages</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Any date</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modified</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>Excerpt</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Reopen on the screen that made it (Enter)</source>
        <translation>Reopen on the screen that made it (Enter)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicate</translation>
    </message>
    <message>
        <source>Make a copy to start from (Ctrl+D)</source>
        <translation>Make a copy to start from (Ctrl+D)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Move to the trash; it can be undone (Del)</source>
        <translation>Move to the trash; it can be undone (Del)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>The history is not available: the database could not be opened.</source>
        <translation>The history is not available: the database could not be opened.</translation>
    </message>
    <message>
        <source>Nothing found. Try fewer or shorter words.</source>
        <translation>Nothing found. Try fewer or shorter words.</translation>
    </message>
    <message>
        <source>Nothing here yet: your drafts and summaries will appear here.</source>
        <translation>Nothing here yet: your drafts and summaries will appear here.</translation>
    </message>
    <message>
        <source>Copy made.</source>
        <translation>Copy made.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <source>“%1” was moved to the trash.</source>
        <translation>“%1” was moved to the trash.</translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <source>Licence of %1</source>
        <translation>Licence of %1</translation>
    </message>
    <message>
        <source>No licence is declared in this model file.</source>
        <translation>No licence is declared in this model file.</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Katib — offline drafting assistant</source>
        <translation>Katib — offline drafting assistant</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>Summarize</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>● Office server</source>
        <translation>● Office server</translation>
    </message>
    <message>
        <source>Texts are sent only to the office server %1, allowed by your administrator; nothing goes anywhere else.</source>
        <translation>Texts are sent only to the office server %1, allowed by your administrator; nothing goes anywhere else.</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>Katib works without a network: no text, document or statistic leaves this computer.</source>
        <translation>Katib works without a network: no text, document or statistic leaves this computer.</translation>
    </message>
    <message>
        <source>Network guard on; connection attempts blocked since start: %1</source>
        <translation>Network guard on; connection attempts blocked since start: %1</translation>
    </message>
    <message>
        <source>Katib</source>
        <translation>Katib</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Restore a backup…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Loading the model…</translation>
    </message>
    <message>
        <source>Model ready: %1</source>
        <translation>Model ready: %1</translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation>The model could not be loaded: %1</translation>
    </message>
    <message>
        <source>Model closed</source>
        <translation>Model closed</translation>
    </message>
</context>
<context>
    <name>MaskControl</name>
    <message>
        <source>&amp;Unmask</source>
        <translation>&amp;Unmask</translation>
    </message>
    <message>
        <source>Put the masked personal data back (Ctrl+Shift+A)</source>
        <translation>Put the masked personal data back (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>&amp;Anonymize</source>
        <translation>&amp;Anonymize</translation>
    </message>
    <message>
        <source>Mask names, ID numbers, phones, e-mails, bank accounts and addresses. Reversible in Katib; an export keeps only the labels (Ctrl+Shift+A)</source>
        <translation>Mask names, ID numbers, phones, e-mails, bank accounts and addresses. Reversible in Katib; an export keeps only the labels (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>No personal data was found.</source>
        <translation>No personal data was found.</translation>
    </message>
    <message>
        <source>%1 values masked; Unmask puts them back.</source>
        <translation>%1 values masked; Unmask puts them back.</translation>
    </message>
    <message>
        <source>Personal data restored.</source>
        <translation>Personal data restored.</translation>
    </message>
</context>
<context>
    <name>ModelsView</name>
    <message>
        <source>Models are files on this computer. Import one from a file or a USB key: it is checked, then copied. The active model drafts and summarizes.</source>
        <translation>Models are files on this computer. Import one from a file or a USB key: it is checked, then copied. The active model drafts and summarizes.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>&amp;Import a model…</source>
        <translation>&amp;Import a model…</translation>
    </message>
    <message>
        <source>Copy a GGUF model file from a folder or a USB key (Ctrl+I)</source>
        <translation>Copy a GGUF model file from a folder or a USB key (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Use this model</source>
        <translation>&amp;Use this model</translation>
    </message>
    <message>
        <source>&amp;Verify checksums</source>
        <translation>&amp;Verify checksums</translation>
    </message>
    <message>
        <source>Show &amp;licence</source>
        <translation>Show &amp;licence</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Does not match the catalogue</source>
        <translation>Does not match the catalogue</translation>
    </message>
    <message>
        <source>Not in the catalogue</source>
        <translation>Not in the catalogue</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>Too large for this computer</source>
        <translation>Too large for this computer</translation>
    </message>
    <message>
        <source>%1 — tight on this computer</source>
        <translation>%1 — tight on this computer</translation>
    </message>
    <message>
        <source>%1 — fits</source>
        <translation>%1 — fits</translation>
    </message>
    <message>
        <source>Import a model</source>
        <translation>Import a model</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF models (*.gguf);;All files (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>%1 was imported. Select it and press “Use this model” to draft with it.</source>
        <translation>%1 was imported. Select it and press “Use this model” to draft with it.</translation>
    </message>
    <message>
        <source>Verifying checksums…</source>
        <translation>Verifying checksums…</translation>
    </message>
    <message>
        <source>Checksums verified.</source>
        <translation>Checksums verified.</translation>
    </message>
</context>
<context>
    <name>OfficeFields</name>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Ministry</translation>
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
        <translation>City</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>Signatory</translation>
    </message>
    <message>
        <source>Signatory&apos;s title</source>
        <translation>Signatory&apos;s title</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Choose the backup to bring back. It is checked before anything is replaced, and the current history is kept beside it.</source>
        <translation>Choose the backup to bring back. It is checked before anything is replaced, and the current history is kept beside it.</translation>
    </message>
    <message>
        <source>No backup was found in Katib&apos;s folder. If you keep one elsewhere (a USB key), choose it with &quot;Other file…&quot;.</source>
        <translation>No backup was found in Katib&apos;s folder. If you keep one elsewhere (a USB key), choose it with &quot;Other file…&quot;.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>&amp;Other file…</source>
        <translation>&amp;Other file…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>made by hand</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>Katib backups (*.db);;All files (*)</source>
        <translation>Katib backups (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Wait until the model has finished (or stop it), then restore the backup.</source>
        <translation>Wait until the model has finished (or stop it), then restore the backup.</translation>
    </message>
    <message>
        <source>The history was restored from the backup of %1.</source>
        <translation>The history was restored from the backup of %1.</translation>
    </message>
    <message>
        <source>The history it replaced is kept as %1.</source>
        <translation>The history it replaced is kept as %1.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Office identity and letterhead</source>
        <translation>Office identity and letterhead</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Default output language</source>
        <translation>Default output language</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Processor threads the model uses; the model is reloaded when this changes.</source>
        <translation>Processor threads the model uses; the model is reloaded when this changes.</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Katib works offline. The model runs on this computer; drafts, summaries and documents are stored only in its data folder. Nothing is sent over the network and no statistics are collected.</source>
        <translation>Katib works offline. The model runs on this computer; drafts, summaries and documents are stored only in its data folder. Nothing is sent over the network and no statistics are collected.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Katib copies the history (drafts, summaries, documents) once a day and keeps the last seven. Make a copy now before a big change, or bring one back.</source>
        <translation>Katib copies the history (drafts, summaries, documents) once a day and keeps the last seven. Make a copy now before a big change, or bring one back.</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restore a backup…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save the settings (Ctrl+S)</source>
        <translation>Save the settings (Ctrl+S)</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Choose the logo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The history is not open: there is nothing to back up.</source>
        <translation>The history is not open: there is nothing to back up.</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>Backup saved: %1</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SourcePanel</name>
    <message>
        <source>Add &amp;files…</source>
        <translation>Add &amp;files…</translation>
    </message>
    <message>
        <source>Add documents to summarize (Ctrl+O)</source>
        <translation>Add documents to summarize (Ctrl+O)</translation>
    </message>
    <message>
        <source>Add a f&amp;older…</source>
        <translation>Add a f&amp;older…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Or drop files or a folder on the list. Katib reads Word, PDF, text, OpenDocument, web pages and e-mails.</source>
        <translation>Or drop files or a folder on the list. Katib reads Word, PDF, text, OpenDocument, web pages and e-mails.</translation>
    </message>
    <message>
        <source>Documents to summarize</source>
        <translation>Documents to summarize</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
    <message>
        <source>A folder to summarize (a dossier)</source>
        <translation>A folder to summarize (a dossier)</translation>
    </message>
    <message>
        <source>No document Katib can read was found there.</source>
        <translation>No document Katib can read was found there.</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>%1 words</translation>
    </message>
    <message>
        <source>password needed</source>
        <translation>password needed</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>SummarizeView</name>
    <message>
        <source>Note in:</source>
        <translation>Note in:</translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation>Detail:</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>Detailed</translation>
    </message>
    <message>
        <source>&amp;Summarize</source>
        <translation>&amp;Summarize</translation>
    </message>
    <message>
        <source>Write the note de synthèse (Ctrl+Enter)</source>
        <translation>Write the note de synthèse (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>Stop the summary (Esc)</source>
        <translation>Stop the summary (Esc)</translation>
    </message>
    <message>
        <source>&amp;Export .docx…</source>
        <translation>&amp;Export .docx…</translation>
    </message>
    <message>
        <source>Save the note as a Word document (Ctrl+E)</source>
        <translation>Save the note as a Word document (Ctrl+E)</translation>
    </message>
    <message>
        <source>Add one or more documents, choose the language and the detail of the note, then press Summarize. Each point of the note cites the passage it comes from: click [1] to read it.</source>
        <translation>Add one or more documents, choose the language and the detail of the note, then press Summarize. Each point of the note cites the passage it comes from: click [1] to read it.</translation>
    </message>
    <message>
        <source>Add at least one document that could be read.</source>
        <translation>Add at least one document that could be read.</translation>
    </message>
    <message>
        <source>Stopping the summary…</source>
        <translation>Stopping the summary…</translation>
    </message>
    <message>
        <source>Stopped. Press Summarize to start again.</source>
        <translation>Stopped. Press Summarize to start again.</translation>
    </message>
    <message>
        <source>Done in %1.</source>
        <translation>Done in %1.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Writing…</translation>
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
        <translation>Summarizing…</translation>
    </message>
    <message>
        <source>Part %1 of %2</source>
        <translation>Part %1 of %2</translation>
    </message>
    <message>
        <source>Writing the subject…</source>
        <translation>Writing the subject…</translation>
    </message>
    <message>
        <source>Checking the citations…</source>
        <translation>Checking the citations…</translation>
    </message>
    <message>
        <source>Translating the points…</source>
        <translation>Translating the points…</translation>
    </message>
    <message>
        <source>Summarizing the next document…</source>
        <translation>Summarizing the next document…</translation>
    </message>
    <message>
        <source>Putting the note together…</source>
        <translation>Putting the note together…</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>about %1 left</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrupted</translation>
    </message>
    <message>
        <source>note-de-synthese</source>
        <translation>note-de-synthese</translation>
    </message>
    <message>
        <source>Export the note</source>
        <translation>Export the note</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
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
