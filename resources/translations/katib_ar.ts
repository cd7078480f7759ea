<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
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
            <source>● Offline</source>
            <translation>● دون اتصال</translation>
        </message>
        <message>
            <source>Katib works without a network: no text, document or statistic leaves this computer.</source>
            <translation>يعمل كاتب دون شبكة: لا يغادر هذا الحاسوبَ أيُّ نص أو وثيقة أو إحصاء.</translation>
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
            <source>Signatory's title</source>
            <translation>صفة الموقّع</translation>
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
            <source>Processor threads the model uses; a change applies when the model is next loaded.</source>
            <translation>خيوط المعالج التي يستعملها النموذج؛ يسري التغيير عند التحميل القادم للنموذج.</translation>
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
            <source>&amp;Save</source>
            <translation>&amp;حفظ</translation>
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
            <source>Settings saved.</source>
            <translation>تم حفظ الإعدادات.</translation>
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
