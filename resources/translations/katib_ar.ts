<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>CitationPanel</name>
    <message>
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>Click a citation such as [1] in the note to see the passage it comes from.</source>
        <translation>انقروا على إحالة مثل [1] في المذكرة لرؤية المقطع الذي أُخذت منه.</translation>
    </message>
    <message>
        <source>Source [%1]</source>
        <translation>المصدر [%1]</translation>
    </message>
    <message>
        <source>This citation does not match any passage of the sources.</source>
        <translation>هذه الإحالة لا تطابق أي مقطع من المصادر.</translation>
    </message>
    <message>
        <source>page %1, paragraph %2</source>
        <translation>الصفحة %1، الفقرة %2</translation>
    </message>
    <message>
        <source>paragraph %1</source>
        <translation>الفقرة %1</translation>
    </message>
</context>
<context>
    <name>DraftActionBar</name>
    <message>
        <source>&amp;Regenerate</source>
        <translation>&amp;إعادة التوليد</translation>
    </message>
    <message>
        <source>S&amp;horten</source>
        <translation>&amp;اختصار</translation>
    </message>
    <message>
        <source>More &amp;formal</source>
        <translation>أكثر &amp;رسمية</translation>
    </message>
    <message>
        <source>&amp;Translate</source>
        <translation>&amp;ترجمة</translation>
    </message>
    <message>
        <source>&amp;Export .docx</source>
        <translation>&amp;تصدير بصيغة Word</translation>
    </message>
    <message>
        <source>Save as a Word document and open it (Ctrl+E)</source>
        <translation>الحفظ كوثيقة Word وفتحها (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;نسخ</translation>
    </message>
    <message>
        <source>Copy the whole document (Ctrl+Shift+C)</source>
        <translation>نسخ الوثيقة كاملة (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>&amp;Print preview</source>
        <translation>&amp;معاينة الطباعة</translation>
    </message>
    <message>
        <source>See the printed page (Ctrl+P)</source>
        <translation>معاينة الصفحة المطبوعة (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>DraftDocument</name>
    <message>
        <source>To check before signing:</source>
        <translation>للتحقق قبل التوقيع:</translation>
    </message>
    <message>
        <source>Fill in the form, then press Generate. The body appears here and can be edited.</source>
        <translation>املؤوا الاستمارة ثم اضغطوا على «توليد». يظهر متن الوثيقة هنا ويمكن تعديله.</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>ناقص: %1</translation>
    </message>
    <message>
        <source>Not in the form: %1</source>
        <translation>غير وارد في الاستمارة: %1</translation>
    </message>
</context>
<context>
    <name>DraftTopBar</name>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;الوثيقة</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;اللغة</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;توليد</translation>
    </message>
    <message>
        <source>Write the body with the model (Ctrl+Enter)</source>
        <translation>تحرير المتن بواسطة النموذج (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;جديد</translation>
    </message>
    <message>
        <source>Start another document; this one stays in the History (Ctrl+N)</source>
        <translation>بدء وثيقة أخرى؛ تبقى هذه الوثيقة في السجل (Ctrl+N)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Stop the model now; the text so far is kept (Esc)</source>
        <translation>إيقاف النموذج الآن؛ يُحتفظ بالنص المكتوب (Esc)</translation>
    </message>
</context>
<context>
    <name>DraftView</name>
    <message>
        <source>Press Generate or Translate to write the document in this language.</source>
        <translation>اضغطوا على «توليد» أو «ترجمة» لتحرير الوثيقة بهذه اللغة.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>جارٍ التحرير…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>توقف.</translation>
    </message>
    <message>
        <source>Stopped: the text so far is kept.</source>
        <translation>توقف: احتُفظ بالنص المكتوب.</translation>
    </message>
    <message>
        <source>Done. You can edit the text.</source>
        <translation>تم. يمكنكم تعديل النص.</translation>
    </message>
    <message>
        <source>The model stopped with an error.</source>
        <translation>توقف النموذج بسبب خطأ.</translation>
    </message>
    <message>
        <source>The document was copied.</source>
        <translation>نُسخت الوثيقة.</translation>
    </message>
    <message>
        <source>Export the document</source>
        <translation>تصدير الوثيقة</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>وثائق Word (*.docx)</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>حُفظ باسم %1</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>Required: left empty, it becomes a visible placeholder in the draft.</source>
        <translation>إلزامي: إذا تُرك فارغا يظهر في المسودة كخانة يجب استكمالها.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Katib</source>
        <translation>مرحبا بك في كاتب</translation>
    </message>
    <message>
        <source>Katib drafts administrative documents and summarizes the documents you receive, with a language model that runs on this computer. Tell it who your letters come from; you can change this later in Settings.</source>
        <translation>يحرر كاتب الوثائق الإدارية ويلخص الوثائق التي تتوصلون بها، بواسطة نموذج لغوي يعمل على هذا الحاسوب. حددوا الجهة التي تصدر عنها مراسلاتكم؛ يمكنكم تغيير ذلك لاحقا في الإعدادات.</translation>
    </message>
    <message>
        <source>Katib needs no network, no account and sends no statistics: nothing you type or open leaves this computer.</source>
        <translation>لا يحتاج كاتب إلى شبكة ولا إلى حساب ولا يرسل أي إحصاءات: لا شيء مما تكتبونه أو تفتحونه يغادر هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>ابدأ</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Search drafts, summaries, documents… (Ctrl+F)</source>
        <translation>ابحثوا في المسودات والملخصات والوثائق… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Every word must occur. Accents, capitals and Arabic vowel marks are ignored.</source>
        <translation>يجب أن ترد كل الكلمات. لا تُعتبر الحركات ولا الهمزات ولا الحروف الكبيرة والمنبورة.</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>المسودات</translation>
    </message>
    <message>
        <source>Summaries</source>
        <translation>الملخصات</translation>
    </message>
    <message>
        <source>Imported documents</source>
        <translation>الوثائق المستوردة</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>كل اللغات</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>كل التواريخ</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>آخر 7 أيام</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>آخر 30 يوما</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>آخر 12 شهرا</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>آخر تعديل</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>مقتطف</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Reopen on the screen that made it (Enter)</source>
        <translation>إعادة الفتح في الشاشة التي أنشأته (إدخال)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Make a copy to start from (Ctrl+D)</source>
        <translation>إنشاء نسخة للانطلاق منها (Ctrl+D)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Move to the trash; it can be undone (Del)</source>
        <translation>نقل إلى سلة المحذوفات، ويمكن التراجع (Del)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>ملخص</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>وثيقة</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(بدون عنوان)</translation>
    </message>
    <message>
        <source>The history is not available: the database could not be opened.</source>
        <translation>السجل غير متاح: تعذر فتح قاعدة البيانات.</translation>
    </message>
    <message>
        <source>Nothing found. Try fewer or shorter words.</source>
        <translation>لا توجد نتائج. جرّبوا كلمات أقل أو أقصر.</translation>
    </message>
    <message>
        <source>Nothing here yet: your drafts and summaries will appear here.</source>
        <translation>لا شيء بعد: ستظهر هنا مسوداتكم وملخصاتكم.</translation>
    </message>
    <message>
        <source>Copy made.</source>
        <translation>أُنشئت نسخة.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (نسخة)</translation>
    </message>
    <message>
        <source>“%1” was moved to the trash.</source>
        <translation>نُقل «%1» إلى سلة المحذوفات.</translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <source>Licence of %1</source>
        <translation>رخصة %1</translation>
    </message>
    <message>
        <source>No licence is declared in this model file.</source>
        <translation>لا توجد رخصة مصرح بها في ملف النموذج هذا.</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Katib — offline drafting assistant</source>
        <translation>كاتب — مساعد التحرير دون اتصال</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>تلخيص</translation>
    </message>
    <message>
        <source>History</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>النماذج</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>● Office server</source>
        <translation>● خادم الإدارة</translation>
    </message>
    <message>
        <source>Texts are sent only to the office server %1, allowed by your administrator; nothing goes anywhere else.</source>
        <translation>تُرسل النصوص فقط إلى خادم الإدارة %1 الذي رخص به المسؤول عن النظام؛ ولا يذهب أي شيء إلى غيره.</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● دون اتصال</translation>
    </message>
    <message>
        <source>Katib works without a network: no text, document or statistic leaves this computer.</source>
        <translation>يعمل كاتب دون شبكة: لا يغادر هذا الحاسوبَ أيُّ نص أو وثيقة أو إحصاء.</translation>
    </message>
    <message>
        <source>Network guard on; connection attempts blocked since start: %1</source>
        <translation>حارس الشبكة مفعّل؛ محاولات الاتصال المحجوبة منذ التشغيل: %1</translation>
    </message>
    <message>
        <source>Katib</source>
        <translation>كاتب</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>استرجاع نسخة احتياطية…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>جارٍ تحميل النموذج…</translation>
    </message>
    <message>
        <source>Model ready: %1</source>
        <translation>النموذج جاهز: %1</translation>
    </message>
    <message>
        <source>The model could not be loaded: %1</source>
        <translation>تعذر تحميل النموذج: %1</translation>
    </message>
    <message>
        <source>Model closed</source>
        <translation>النموذج مغلق</translation>
    </message>
</context>
<context>
    <name>MaskControl</name>
    <message>
        <source>&amp;Unmask</source>
        <translation>&amp;إظهار البيانات</translation>
    </message>
    <message>
        <source>Put the masked personal data back (Ctrl+Shift+A)</source>
        <translation>إرجاع المعطيات الشخصية المحجوبة (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>&amp;Anonymize</source>
        <translation>&amp;إخفاء الهوية</translation>
    </message>
    <message>
        <source>Mask names, ID numbers, phones, e-mails, bank accounts and addresses. Reversible in Katib; an export keeps only the labels (Ctrl+Shift+A)</source>
        <translation>حجب الأسماء وأرقام البطاقة الوطنية والهواتف والبريد الإلكتروني والحسابات البنكية والعناوين. قابل للتراجع داخل كاتب؛ أما الملف المصدَّر فلا يحمل إلا التسميات (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>No personal data was found.</source>
        <translation>لم يُعثر على أي معطيات شخصية.</translation>
    </message>
    <message>
        <source>%1 values masked; Unmask puts them back.</source>
        <translation>حُجبت %1 قيمة؛ «إظهار البيانات» يعيدها.</translation>
    </message>
    <message>
        <source>Personal data restored.</source>
        <translation>أُعيدت المعطيات الشخصية.</translation>
    </message>
</context>
<context>
    <name>ModelsView</name>
    <message>
        <source>Models are files on this computer. Import one from a file or a USB key: it is checked, then copied. The active model drafts and summarizes.</source>
        <translation>النماذج ملفات موجودة على هذا الحاسوب. استوردوا نموذجا من ملف أو من مفتاح USB: يُتحقق منه ثم يُنسخ. النموذج النشط هو الذي يحرر ويلخص.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>الذاكرة</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>البصمة</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>الرخصة</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>&amp;Import a model…</source>
        <translation>&amp;استيراد نموذج…</translation>
    </message>
    <message>
        <source>Copy a GGUF model file from a folder or a USB key (Ctrl+I)</source>
        <translation>نسخ ملف نموذج GGUF من مجلد أو من مفتاح USB (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Use this model</source>
        <translation>&amp;استعمال هذا النموذج</translation>
    </message>
    <message>
        <source>&amp;Verify checksums</source>
        <translation>&amp;التحقق من البصمات</translation>
    </message>
    <message>
        <source>Show &amp;licence</source>
        <translation>عرض ال&amp;رخصة</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>متحقق منها</translation>
    </message>
    <message>
        <source>Does not match the catalogue</source>
        <translation>لا تطابق الفهرس</translation>
    </message>
    <message>
        <source>Not in the catalogue</source>
        <translation>غير موجود في الفهرس</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>لم يُتحقق منها بعد</translation>
    </message>
    <message>
        <source>Too large for this computer</source>
        <translation>أكبر من قدرة هذا الحاسوب</translation>
    </message>
    <message>
        <source>%1 — tight on this computer</source>
        <translation>%1 — بالكاد يكفي على هذا الحاسوب</translation>
    </message>
    <message>
        <source>%1 — fits</source>
        <translation>%1 — يتسع في الذاكرة</translation>
    </message>
    <message>
        <source>Import a model</source>
        <translation>استيراد نموذج</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>نماذج GGUF (*.gguf);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>جارٍ استيراد %1…</translation>
    </message>
    <message>
        <source>%1 was imported. Select it and press “Use this model” to draft with it.</source>
        <translation>تم استيراد %1. حددوه ثم اضغطوا على «استعمال هذا النموذج» للتحرير به.</translation>
    </message>
    <message>
        <source>Verifying checksums…</source>
        <translation>جارٍ التحقق من البصمات…</translation>
    </message>
    <message>
        <source>Checksums verified.</source>
        <translation>تم التحقق من البصمات.</translation>
    </message>
</context>
<context>
    <name>OfficeFields</name>
    <message>
        <source>State</source>
        <translation>الدولة</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>الوزارة</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>المديرية</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>المصلحة</translation>
    </message>
    <message>
        <source>City</source>
        <translation>المدينة</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>الشعار</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>الموقّع</translation>
    </message>
    <message>
        <source>Signatory&apos;s title</source>
        <translation>صفة الموقّع</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>استرجاع نسخة احتياطية</translation>
    </message>
    <message>
        <source>Choose the backup to bring back. It is checked before anything is replaced, and the current history is kept beside it.</source>
        <translation>اختر النسخة الاحتياطية المراد استرجاعها. يُتحقق منها قبل استبدال أي شيء، ويُحتفظ بالسجل الحالي بجانبها.</translation>
    </message>
    <message>
        <source>No backup was found in Katib&apos;s folder. If you keep one elsewhere (a USB key), choose it with &quot;Other file…&quot;.</source>
        <translation>لم يُعثر على أي نسخة احتياطية في مجلد كاتب. إن كنت تحتفظ بواحدة في مكان آخر (مفتاح USB)، فاخترها بزر «ملف آخر…».</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;استرجاع</translation>
    </message>
    <message>
        <source>&amp;Other file…</source>
        <translation>&amp;ملف آخر…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>تلقائية</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>يدوية</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 على الساعة %2</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>اختيار نسخة احتياطية</translation>
    </message>
    <message>
        <source>Katib backups (*.db);;All files (*)</source>
        <translation>نسخ كاتب الاحتياطية (*.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Wait until the model has finished (or stop it), then restore the backup.</source>
        <translation>انتظر حتى ينتهي النموذج (أو أوقفه)، ثم استرجع النسخة الاحتياطية.</translation>
    </message>
    <message>
        <source>The history was restored from the backup of %1.</source>
        <translation>استُرجع السجل من النسخة الاحتياطية المؤرخة في %1.</translation>
    </message>
    <message>
        <source>The history it replaced is kept as %1.</source>
        <translation>احتُفظ بالسجل الذي استُبدل باسم %1.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>General</source>
        <translation>عام</translation>
    </message>
    <message>
        <source>Office identity and letterhead</source>
        <translation>هوية المصلحة والترويسة</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>الخصوصية</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>Default output language</source>
        <translation>لغة التحرير الافتراضية</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>خيوط المعالجة</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>تلقائي</translation>
    </message>
    <message>
        <source>Processor threads the model uses; the model is reloaded when this changes.</source>
        <translation>خيوط المعالج التي يستعملها النموذج؛ يُعاد تحميل النموذج عند تغييرها.</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>حجم الخط</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <source>Katib works offline. The model runs on this computer; drafts, summaries and documents are stored only in its data folder. Nothing is sent over the network and no statistics are collected.</source>
        <translation>يعمل كاتب دون اتصال. يشتغل النموذج على هذا الحاسوب؛ وتُحفظ المسودات والملخصات والوثائق في مجلد بياناته فقط. لا يُرسل أي شيء عبر الشبكة ولا تُجمع أي إحصاءات.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>النسخ الاحتياطية</translation>
    </message>
    <message>
        <source>Katib copies the history (drafts, summaries, documents) once a day and keeps the last seven. Make a copy now before a big change, or bring one back.</source>
        <translation>ينسخ كاتب السجل (المسودات والملخصات والوثائق) مرة في اليوم ويحتفظ بآخر سبع نسخ. أنشئ نسخة الآن قبل أي تغيير كبير، أو استرجع نسخة سابقة.</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;نسخ احتياطي الآن</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>ا&amp;سترجاع نسخة احتياطية…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <source>Save the settings (Ctrl+S)</source>
        <translation>حفظ الإعدادات (Ctrl+S)</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>اختيار الشعار</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>صور (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The history is not open: there is nothing to back up.</source>
        <translation>السجل غير مفتوح: لا يوجد ما يُنسخ.</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>حُفظت النسخة الاحتياطية: %1</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>تم حفظ الإعدادات.</translation>
    </message>
</context>
<context>
    <name>SourcePanel</name>
    <message>
        <source>Add &amp;files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <source>Add documents to summarize (Ctrl+O)</source>
        <translation>إضافة وثائق لتلخيصها (Ctrl+O)</translation>
    </message>
    <message>
        <source>Add a f&amp;older…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Or drop files or a folder on the list. Katib reads Word, PDF, text, OpenDocument, web pages and e-mails.</source>
        <translation>أو اسحبوا ملفات أو مجلدا وأفلتوه على القائمة. يقرأ كاتب ملفات Word وPDF والنصوص وOpenDocument وصفحات الويب والرسائل الإلكترونية.</translation>
    </message>
    <message>
        <source>Documents to summarize</source>
        <translation>الوثائق المراد تلخيصها</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>الوثائق (%1)</translation>
    </message>
    <message>
        <source>A folder to summarize (a dossier)</source>
        <translation>مجلد لتلخيصه (ملف إداري)</translation>
    </message>
    <message>
        <source>No document Katib can read was found there.</source>
        <translation>لم يُعثر هناك على أي وثيقة يستطيع كاتب قراءتها.</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 صفحات</translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>%1 كلمة</translation>
    </message>
    <message>
        <source>password needed</source>
        <translation>كلمة المرور مطلوبة</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
</context>
<context>
    <name>SummarizeView</name>
    <message>
        <source>Note in:</source>
        <translation>المذكرة بـ:</translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation>مستوى التفصيل:</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>موجزة</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>عادية</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>مفصلة</translation>
    </message>
    <message>
        <source>&amp;Summarize</source>
        <translation>تلخيص</translation>
    </message>
    <message>
        <source>Write the note de synthèse (Ctrl+Enter)</source>
        <translation>تحرير المذكرة التركيبية (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Stop the summary (Esc)</source>
        <translation>إيقاف التلخيص (Esc)</translation>
    </message>
    <message>
        <source>&amp;Export .docx…</source>
        <translation>تصدير بصيغة Word…</translation>
    </message>
    <message>
        <source>Save the note as a Word document (Ctrl+E)</source>
        <translation>حفظ المذكرة كوثيقة Word ‏(Ctrl+E)</translation>
    </message>
    <message>
        <source>Add one or more documents, choose the language and the detail of the note, then press Summarize. Each point of the note cites the passage it comes from: click [1] to read it.</source>
        <translation>أضيفوا وثيقة أو أكثر، واختاروا لغة المذكرة ومستوى تفصيلها، ثم اضغطوا على «تلخيص». كل نقطة في المذكرة تحيل إلى المقطع الذي أُخذت منه: انقروا على [1] لقراءته.</translation>
    </message>
    <message>
        <source>Add at least one document that could be read.</source>
        <translation>أضيفوا وثيقة واحدة مقروءة على الأقل.</translation>
    </message>
    <message>
        <source>Stopping the summary…</source>
        <translation>جارٍ إيقاف التلخيص…</translation>
    </message>
    <message>
        <source>Stopped. Press Summarize to start again.</source>
        <translation>توقف التلخيص. اضغطوا على «تلخيص» للبدء من جديد.</translation>
    </message>
    <message>
        <source>Done in %1.</source>
        <translation>اكتمل في %1.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>جارٍ التحرير…</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 ث</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 د %2 ث</translation>
    </message>
    <message>
        <source>Summarizing…</source>
        <translation>جارٍ التلخيص…</translation>
    </message>
    <message>
        <source>Part %1 of %2</source>
        <translation>الجزء %1 من %2</translation>
    </message>
    <message>
        <source>Writing the subject…</source>
        <translation>جارٍ تحرير الموضوع…</translation>
    </message>
    <message>
        <source>Checking the citations…</source>
        <translation>جارٍ التحقق من الإحالات…</translation>
    </message>
    <message>
        <source>Translating the points…</source>
        <translation>جارٍ ترجمة النقاط…</translation>
    </message>
    <message>
        <source>Summarizing the next document…</source>
        <translation>جارٍ تلخيص الوثيقة التالية…</translation>
    </message>
    <message>
        <source>Putting the note together…</source>
        <translation>جارٍ تجميع المذكرة…</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>يتبقى نحو %1</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>متوقفة قبل الاكتمال</translation>
    </message>
    <message>
        <source>note-de-synthese</source>
        <translation>مذكرة-تركيبية</translation>
    </message>
    <message>
        <source>Export the note</source>
        <translation>تصدير المذكرة</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>وثيقة Word (*.docx)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>حُفظ: %1</translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <source>Katib</source>
        <translation>كاتب</translation>
    </message>
</context>
</TS>
