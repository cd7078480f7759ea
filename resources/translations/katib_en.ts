<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
            <source>● Offline</source>
            <translation>● Offline</translation>
        </message>
        <message>
            <source>Katib works without a network: no text, document or statistic leaves this computer.</source>
            <translation>Katib works without a network: no text, document or statistic leaves this computer.</translation>
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
            <source>Signatory's title</source>
            <translation>Signatory's title</translation>
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
            <source>Processor threads the model uses; a change applies when the model is next loaded.</source>
            <translation>Processor threads the model uses; a change applies when the model is next loaded.</translation>
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
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
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
            <source>Settings saved.</source>
            <translation>Settings saved.</translation>
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
