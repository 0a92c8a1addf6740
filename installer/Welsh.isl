; *** Inno Setup version 6.4.0+ Welsh (Cymraeg) messages ***
;
; Inno Setup ships no Welsh translation: this file was written for Craffu
; (installer/craffu.iss) and translates every message of Default.isl 6.4.x,
; including the standard [CustomMessages], so the compiler has nothing to fall
; back to English for. tests/test_installer_script.py compares it with
; Default.isl: every message present, the same %1..%9, %n and [name]-style
; placeholders, and an access key (&) exactly where the English has one.
;
; Register: formal, "chi", in the terminology of Welsh-language Windows and
; Welsh public-sector software (Gosod, Dadosod, ffolder, ffeil, llwybr byr,
; Nesaf, Yn ôl, Canslo, Gorffen, Pori, Iawn). "Setup" as a program is
; "y Rhaglen Osod", the uninstaller "y Rhaglen Ddadosod". "Ffolder" is
; feminine (y ffolder honno, ffolder wahanol), as in the Welsh Windows glossary.
;
; As in Default.isl: do not add a full stop to a message that has none; Inno
; Setup adds it where it is needed.
;
; Saved as UTF-8 with a byte-order mark: ŵ and ŷ are in no Windows ANSI code
; page, so LanguageCodePage is 0 (it is only used to convert ANSI text).
; Review by a professional Welsh translator is welcome.

[LangOptions]
; LanguageID $0452 = Welsh (United Kingdom), cy-GB: Setup preselects Welsh on
; a Welsh-language Windows and English everywhere else.
LanguageName=Cymraeg
LanguageID=$0452
LanguageCodePage=0

[Messages]

; *** Application titles
SetupAppTitle=Gosod
SetupWindowTitle=Gosod - %1
UninstallAppTitle=Dadosod
UninstallAppFullTitle=Dadosod %1

; *** Misc. common
InformationTitle=Gwybodaeth
ConfirmTitle=Cadarnhau
ErrorTitle=Gwall

; *** SetupLdr messages
SetupLdrStartupMessage=Bydd hyn yn gosod %1. Ydych chi am barhau?
LdrCannotCreateTemp=Methu creu ffeil dros dro. Rhoddwyd y gorau i'r gosod
LdrCannotExecTemp=Methu rhedeg ffeil yn y ffolder dros dro. Rhoddwyd y gorau i'r gosod
HelpTextNote=

; *** Startup error messages
LastErrorMessage=%1.%n%nGwall %2: %3
SetupFileMissing=Mae'r ffeil %1 ar goll o'r ffolder gosod. Cywirwch y broblem neu mynnwch gopi newydd o'r rhaglen.
SetupFileCorrupt=Mae'r ffeiliau gosod wedi'u llygru. Mynnwch gopi newydd o'r rhaglen.
SetupFileCorruptOrWrongVer=Mae'r ffeiliau gosod wedi'u llygru, neu nid ydynt yn gydnaws â'r fersiwn hon o'r Rhaglen Osod. Cywirwch y broblem neu mynnwch gopi newydd o'r rhaglen.
InvalidParameter=Rhoddwyd paramedr annilys ar y llinell orchymyn:%n%n%1
SetupAlreadyRunning=Mae'r Rhaglen Osod eisoes yn rhedeg.
WindowsVersionNotSupported=Nid yw'r rhaglen hon yn cefnogi'r fersiwn o Windows sydd ar eich cyfrifiadur.
WindowsServicePackRequired=Mae angen %1 Service Pack %2 neu ddiweddarach ar y rhaglen hon.
NotOnThisPlatform=Ni fydd y rhaglen hon yn rhedeg ar %1.
OnlyOnThisPlatform=Rhaid rhedeg y rhaglen hon ar %1.
OnlyOnTheseArchitectures=Dim ond ar fersiynau o Windows a gynlluniwyd ar gyfer y pensaernïaethau prosesydd canlynol y mae modd gosod y rhaglen hon:%n%n%1
WinVersionTooLowError=Mae angen %1 fersiwn %2 neu ddiweddarach ar y rhaglen hon.
WinVersionTooHighError=Ni ellir gosod y rhaglen hon ar %1 fersiwn %2 neu ddiweddarach.
AdminPrivilegesRequired=Rhaid i chi fod wedi mewngofnodi fel gweinyddwr i osod y rhaglen hon.
PowerUserPrivilegesRequired=Rhaid i chi fod wedi mewngofnodi fel gweinyddwr neu fel aelod o'r grŵp Power Users i osod y rhaglen hon.
SetupAppRunningError=Mae'r Rhaglen Osod wedi canfod bod %1 yn rhedeg ar hyn o bryd.%n%nCaewch bob copi o %1 sydd ar agor nawr, yna cliciwch Iawn i barhau, neu Canslo i adael.
UninstallAppRunningError=Mae'r Rhaglen Ddadosod wedi canfod bod %1 yn rhedeg ar hyn o bryd.%n%nCaewch bob copi o %1 sydd ar agor nawr, yna cliciwch Iawn i barhau, neu Canslo i adael.

; *** Startup questions
PrivilegesRequiredOverrideTitle=Dewis Modd Gosod
PrivilegesRequiredOverrideInstruction=Dewiswch fodd gosod
PrivilegesRequiredOverrideText1=Gellir gosod %1 ar gyfer pob defnyddiwr (mae angen hawliau gweinyddwr), neu ar eich cyfer chi yn unig.
PrivilegesRequiredOverrideText2=Gellir gosod %1 ar eich cyfer chi yn unig, neu ar gyfer pob defnyddiwr (mae angen hawliau gweinyddwr).
PrivilegesRequiredOverrideAllUsers=Gosod ar gyfer &pob defnyddiwr
PrivilegesRequiredOverrideAllUsersRecommended=Gosod ar gyfer &pob defnyddiwr (argymhellir)
PrivilegesRequiredOverrideCurrentUser=Gosod ar fy &nghyfer i yn unig
PrivilegesRequiredOverrideCurrentUserRecommended=Gosod ar fy &nghyfer i yn unig (argymhellir)

; *** Misc. errors
ErrorCreatingDir=Methodd y Rhaglen Osod â chreu'r ffolder "%1"
ErrorTooManyFilesInDir=Methu creu ffeil yn y ffolder "%1" am fod gormod o ffeiliau ynddi

; *** Setup common messages
ExitSetupTitle=Gadael y Rhaglen Osod
ExitSetupMessage=Nid yw'r gosod wedi'i gwblhau. Os byddwch yn gadael nawr, ni fydd y rhaglen yn cael ei gosod.%n%nGallwch redeg y Rhaglen Osod eto rywbryd arall i gwblhau'r gosod.%n%nGadael y Rhaglen Osod?
AboutSetupMenuItem=&Ynghylch y Rhaglen Osod...
AboutSetupTitle=Ynghylch y Rhaglen Osod
AboutSetupMessage=%1 fersiwn %2%n%3%n%nTudalen gartref %1:%n%4
AboutSetupNote=
TranslatorNote=Cyfieithiad Cymraeg a ysgrifennwyd ar gyfer Craffu

; *** Buttons
ButtonBack=< &Yn ôl
ButtonNext=&Nesaf >
ButtonInstall=&Gosod
ButtonOK=Iawn
ButtonCancel=Canslo
ButtonYes=&Ie
ButtonYesToAll=Ie i &Bob Un
ButtonNo=&Na
ButtonNoToAll=Na i Bob &Un
ButtonFinish=&Gorffen
ButtonBrowse=&Pori...
ButtonWizardBrowse=P&ori...
ButtonNewFolder=&Creu Ffolder Newydd

; *** "Select Language" dialog messages
SelectLanguageTitle=Dewis Iaith y Rhaglen Osod
SelectLanguageLabel=Dewiswch yr iaith i'w defnyddio wrth osod.

; *** Common wizard text
ClickNext=Cliciwch Nesaf i barhau, neu Canslo i adael y Rhaglen Osod.
BeveledLabel=
BrowseDialogTitle=Pori am Ffolder
BrowseDialogLabel=Dewiswch ffolder yn y rhestr isod, yna cliciwch Iawn.
NewFolderName=Ffolder Newydd

; *** "Welcome" wizard page
WelcomeLabel1=Croeso i Ddewin Gosod [name]
WelcomeLabel2=Bydd hyn yn gosod [name/ver] ar eich cyfrifiadur.%n%nArgymhellir eich bod yn cau pob rhaglen arall cyn parhau.

; *** "Password" wizard page
WizardPassword=Cyfrinair
PasswordLabel1=Mae'r gosodiad hwn wedi'i ddiogelu gan gyfrinair.
PasswordLabel3=Rhowch y cyfrinair, yna cliciwch Nesaf i barhau. Mae cyfrineiriau'n gwahaniaethu rhwng llythrennau bach a mawr.
PasswordEditLabel=&Cyfrinair:
IncorrectPassword=Nid yw'r cyfrinair a roesoch yn gywir. Rhowch gynnig arall arni.

; *** "License Agreement" wizard page
WizardLicense=Cytundeb Trwydded
LicenseLabel=Darllenwch y wybodaeth bwysig ganlynol cyn parhau.
LicenseLabel3=Darllenwch y Cytundeb Trwydded canlynol. Rhaid i chi dderbyn telerau'r cytundeb hwn cyn parhau â'r gosod.
LicenseAccepted=Rwy'n &derbyn y cytundeb
LicenseNotAccepted=Nid wyf yn derbyn y &cytundeb

; *** "Information" wizard pages
WizardInfoBefore=Gwybodaeth
InfoBeforeLabel=Darllenwch y wybodaeth bwysig ganlynol cyn parhau.
InfoBeforeClickLabel=Pan fyddwch yn barod i barhau â'r gosod, cliciwch Nesaf.
WizardInfoAfter=Gwybodaeth
InfoAfterLabel=Darllenwch y wybodaeth bwysig ganlynol cyn parhau.
InfoAfterClickLabel=Pan fyddwch yn barod i barhau â'r gosod, cliciwch Nesaf.

; *** "User Information" wizard page
WizardUserInfo=Gwybodaeth am y Defnyddiwr
UserInfoDesc=Rhowch eich gwybodaeth.
UserInfoName=&Enw Defnyddiwr:
UserInfoOrg=&Sefydliad:
UserInfoSerial=&Rhif Cyfresol:
UserInfoNameRequired=Rhaid i chi roi enw.

; *** "Select Destination Location" wizard page
WizardSelectDir=Dewis Lleoliad y Gosod
SelectDirDesc=Ble dylid gosod [name]?
SelectDirLabel3=Bydd y Rhaglen Osod yn gosod [name] yn y ffolder ganlynol.
SelectDirBrowseLabel=I barhau, cliciwch Nesaf. Os hoffech ddewis ffolder wahanol, cliciwch Pori.
DiskSpaceGBLabel=Mae angen o leiaf [gb] GB o le gwag ar y ddisg.
DiskSpaceMBLabel=Mae angen o leiaf [mb] MB o le gwag ar y ddisg.
CannotInstallToNetworkDrive=Ni all y Rhaglen Osod osod ar yriant rhwydwaith.
CannotInstallToUNCPath=Ni all y Rhaglen Osod osod ar lwybr UNC.
InvalidPath=Rhaid i chi roi llwybr llawn gyda llythyren gyriant; er enghraifft:%n%nC:\APP%n%nneu lwybr UNC ar y ffurf:%n%n\\gweinydd\cyfran
InvalidDrive=Nid yw'r gyriant neu'r gyfran UNC a ddewisoch yn bodoli, neu nid oes modd ei gyrchu. Dewiswch un arall.
DiskSpaceWarningTitle=Dim Digon o Le ar y Ddisg
DiskSpaceWarning=Mae angen o leiaf %1 KB o le gwag ar y Rhaglen Osod, ond dim ond %2 KB sydd ar gael ar y gyriant a ddewiswyd.%n%nYdych chi am barhau beth bynnag?
DirNameTooLong=Mae enw'r ffolder neu'r llwybr yn rhy hir.
InvalidDirName=Nid yw enw'r ffolder yn ddilys.
BadDirName32=Ni all enwau ffolderi gynnwys unrhyw un o'r nodau canlynol:%n%n%1
DirExistsTitle=Mae'r Ffolder yn Bodoli
DirExists=Mae'r ffolder:%n%n%1%n%neisoes yn bodoli. Hoffech chi osod yn y ffolder honno beth bynnag?
DirDoesntExistTitle=Nid yw'r Ffolder yn Bodoli
DirDoesntExist=Nid yw'r ffolder:%n%n%1%n%nyn bodoli. Hoffech chi i'r ffolder gael ei chreu?

; *** "Select Components" wizard page
WizardSelectComponents=Dewis Cydrannau
SelectComponentsDesc=Pa gydrannau y dylid eu gosod?
SelectComponentsLabel2=Dewiswch y cydrannau yr hoffech eu gosod; cliriwch y cydrannau nad ydych am eu gosod. Cliciwch Nesaf pan fyddwch yn barod i barhau.
FullInstallation=Gosodiad llawn
; if possible don't translate 'Compact' as 'Minimal' (I mean 'Minimal' in your language)
CompactInstallation=Gosodiad cryno
CustomInstallation=Gosodiad wedi'i addasu
NoUninstallWarningTitle=Mae Cydrannau'n Bodoli
NoUninstallWarning=Mae'r Rhaglen Osod wedi canfod bod y cydrannau canlynol eisoes wedi'u gosod ar eich cyfrifiadur:%n%n%1%n%nNi fydd dad-ddewis y cydrannau hyn yn eu dadosod.%n%nHoffech chi barhau beth bynnag?
ComponentSize1=%1 KB
ComponentSize2=%1 MB
ComponentsDiskSpaceGBLabel=Mae angen o leiaf [gb] GB o le ar y ddisg ar gyfer y dewis presennol.
ComponentsDiskSpaceMBLabel=Mae angen o leiaf [mb] MB o le ar y ddisg ar gyfer y dewis presennol.

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=Dewis Tasgau Ychwanegol
SelectTasksDesc=Pa dasgau ychwanegol y dylid eu cyflawni?
SelectTasksLabel2=Dewiswch y tasgau ychwanegol yr hoffech i'r Rhaglen Osod eu cyflawni wrth osod [name], yna cliciwch Nesaf.

; *** "Select Start Menu Folder" wizard page
WizardSelectProgramGroup=Dewis Ffolder y Ddewislen Cychwyn
SelectStartMenuFolderDesc=Ble dylai'r Rhaglen Osod roi llwybrau byr y rhaglen?
SelectStartMenuFolderLabel3=Bydd y Rhaglen Osod yn creu llwybrau byr y rhaglen yn y ffolder ganlynol yn y Ddewislen Cychwyn.
SelectStartMenuFolderBrowseLabel=I barhau, cliciwch Nesaf. Os hoffech ddewis ffolder wahanol, cliciwch Pori.
MustEnterGroupName=Rhaid i chi roi enw ffolder.
GroupNameTooLong=Mae enw'r ffolder neu'r llwybr yn rhy hir.
InvalidGroupName=Nid yw enw'r ffolder yn ddilys.
BadGroupName=Ni all enw'r ffolder gynnwys unrhyw un o'r nodau canlynol:%n%n%1
NoProgramGroupCheck2=&Peidio â chreu ffolder yn y Ddewislen Cychwyn

; *** "Ready to Install" wizard page
WizardReady=Yn Barod i Osod
ReadyLabel1=Mae'r Rhaglen Osod nawr yn barod i ddechrau gosod [name] ar eich cyfrifiadur.
ReadyLabel2a=Cliciwch Gosod i barhau â'r gosod, neu cliciwch Yn ôl os hoffech adolygu neu newid unrhyw osodiadau.
ReadyLabel2b=Cliciwch Gosod i barhau â'r gosod.
ReadyMemoUserInfo=Gwybodaeth am y defnyddiwr:
ReadyMemoDir=Lleoliad y gosod:
ReadyMemoType=Math o osodiad:
ReadyMemoComponents=Cydrannau a ddewiswyd:
ReadyMemoGroup=Ffolder y Ddewislen Cychwyn:
ReadyMemoTasks=Tasgau ychwanegol:

; *** TDownloadWizardPage wizard page and DownloadTemporaryFile
DownloadingLabel=Wrthi'n llwytho ffeiliau ychwanegol i lawr...
ButtonStopDownload=&Stopio'r llwytho i lawr
StopDownload=Ydych chi'n siŵr eich bod am stopio'r llwytho i lawr?
ErrorDownloadAborted=Rhoddwyd y gorau i'r llwytho i lawr
ErrorDownloadFailed=Methodd y llwytho i lawr: %1 %2
ErrorDownloadSizeFailed=Methu cael y maint: %1 %2
ErrorFileHash1=Methu cyfrifo stwnsh y ffeil: %1
ErrorFileHash2=Stwnsh ffeil annilys: disgwyliwyd %1, cafwyd %2
ErrorProgress=Cynnydd annilys: %1 o %2
ErrorFileSize=Maint ffeil annilys: disgwyliwyd %1, cafwyd %2

; *** TExtractionWizardPage wizard page and Extract7ZipArchive
ExtractionLabel=Wrthi'n echdynnu ffeiliau ychwanegol...
ButtonStopExtraction=&Stopio'r echdynnu
StopExtraction=Ydych chi'n siŵr eich bod am stopio'r echdynnu?
ErrorExtractionAborted=Rhoddwyd y gorau i'r echdynnu
ErrorExtractionFailed=Methodd yr echdynnu: %1

; *** "Preparing to Install" wizard page
WizardPreparing=Paratoi i Osod
PreparingDesc=Mae'r Rhaglen Osod yn paratoi i osod [name] ar eich cyfrifiadur.
PreviousInstallNotCompleted=Ni chwblhawyd gosod neu dynnu rhaglen flaenorol. Bydd angen i chi ailgychwyn eich cyfrifiadur i gwblhau'r gosod hwnnw.%n%nAr ôl ailgychwyn eich cyfrifiadur, rhedwch y Rhaglen Osod eto i gwblhau gosod [name].
CannotContinue=Ni all y Rhaglen Osod barhau. Cliciwch Canslo i adael.
ApplicationsFound=Mae'r rhaglenni canlynol yn defnyddio ffeiliau y mae angen i'r Rhaglen Osod eu diweddaru. Argymhellir eich bod yn caniatáu i'r Rhaglen Osod gau'r rhaglenni hyn yn awtomatig.
ApplicationsFound2=Mae'r rhaglenni canlynol yn defnyddio ffeiliau y mae angen i'r Rhaglen Osod eu diweddaru. Argymhellir eich bod yn caniatáu i'r Rhaglen Osod gau'r rhaglenni hyn yn awtomatig. Ar ôl i'r gosod orffen, bydd y Rhaglen Osod yn ceisio ailgychwyn y rhaglenni.
CloseApplications=Cau'r rhaglenni'n &awtomatig
DontCloseApplications=&Peidio â chau'r rhaglenni
ErrorCloseApplications=Methodd y Rhaglen Osod â chau pob rhaglen yn awtomatig. Argymhellir eich bod yn cau pob rhaglen sy'n defnyddio ffeiliau y mae angen i'r Rhaglen Osod eu diweddaru cyn parhau.
PrepareToInstallNeedsRestart=Rhaid i'r Rhaglen Osod ailgychwyn eich cyfrifiadur. Ar ôl ailgychwyn eich cyfrifiadur, rhedwch y Rhaglen Osod eto i gwblhau gosod [name].%n%nHoffech chi ailgychwyn nawr?

; *** "Installing" wizard page
WizardInstalling=Wrthi'n Gosod
InstallingLabel=Arhoswch tra bo'r Rhaglen Osod yn gosod [name] ar eich cyfrifiadur.

; *** "Setup Completed" wizard page
FinishedHeadingLabel=Cwblhau Dewin Gosod [name]
FinishedLabelNoIcons=Mae'r Rhaglen Osod wedi gorffen gosod [name] ar eich cyfrifiadur.
FinishedLabel=Mae'r Rhaglen Osod wedi gorffen gosod [name] ar eich cyfrifiadur. Gallwch agor y rhaglen drwy ddewis y llwybrau byr a osodwyd.
ClickFinish=Cliciwch Gorffen i adael y Rhaglen Osod.
FinishedRestartLabel=I gwblhau gosod [name], rhaid i'r Rhaglen Osod ailgychwyn eich cyfrifiadur. Hoffech chi ailgychwyn nawr?
FinishedRestartMessage=I gwblhau gosod [name], rhaid i'r Rhaglen Osod ailgychwyn eich cyfrifiadur.%n%nHoffech chi ailgychwyn nawr?
ShowReadmeCheck=Hoffwn weld y ffeil README
YesRadio=&Ie, ailgychwyn y cyfrifiadur nawr
NoRadio=&Na, byddaf yn ailgychwyn y cyfrifiadur yn nes ymlaen
; used for example as 'Run MyProg.exe'
RunEntryExec=Rhedeg %1
; used for example as 'View Readme.txt'
RunEntryShellExec=Gweld %1

; *** "Setup Needs the Next Disk" stuff
ChangeDiskTitle=Mae Angen y Ddisg Nesaf ar y Rhaglen Osod
SelectDiskLabel2=Rhowch Ddisg %1 i mewn a chliciwch Iawn.%n%nOs oes modd dod o hyd i'r ffeiliau sydd ar y ddisg hon mewn ffolder heblaw'r un a ddangosir isod, rhowch y llwybr cywir neu cliciwch Pori.
PathLabel=&Llwybr:
FileNotInDir2=Nid oedd modd dod o hyd i'r ffeil "%1" yn "%2". Rhowch y ddisg gywir i mewn neu dewiswch ffolder arall.
SelectDirectoryLabel=Nodwch leoliad y ddisg nesaf.

; *** Installation phase messages
SetupAborted=Ni chwblhawyd y gosod.%n%nCywirwch y broblem a rhedwch y Rhaglen Osod eto.
AbortRetryIgnoreSelectAction=Dewiswch beth i'w wneud
AbortRetryIgnoreRetry=&Rhoi cynnig arall arni
AbortRetryIgnoreIgnore=&Anwybyddu'r gwall a pharhau
AbortRetryIgnoreCancel=Canslo'r gosod

; *** Installation status messages
StatusClosingApplications=Wrthi'n cau rhaglenni...
StatusCreateDirs=Wrthi'n creu ffolderi...
StatusExtractFiles=Wrthi'n echdynnu ffeiliau...
StatusCreateIcons=Wrthi'n creu llwybrau byr...
StatusCreateIniEntries=Wrthi'n creu cofnodion INI...
StatusCreateRegistryEntries=Wrthi'n creu cofnodion yn y gofrestrfa...
StatusRegisterFiles=Wrthi'n cofrestru ffeiliau...
StatusSavingUninstall=Wrthi'n cadw'r wybodaeth dadosod...
StatusRunProgram=Wrthi'n gorffen y gosod...
StatusRestartingApplications=Wrthi'n ailgychwyn rhaglenni...
StatusRollback=Wrthi'n dadwneud newidiadau...

; *** Misc. errors
ErrorInternal2=Gwall mewnol: %1
ErrorFunctionFailedNoCode=Methodd %1
ErrorFunctionFailed=Methodd %1; cod %2
ErrorFunctionFailedWithMessage=Methodd %1; cod %2.%n%3
ErrorExecutingProgram=Methu rhedeg y ffeil:%n%1

; *** Registry errors
ErrorRegOpenKey=Gwall wrth agor allwedd y gofrestrfa:%n%1\%2
ErrorRegCreateKey=Gwall wrth greu allwedd y gofrestrfa:%n%1\%2
ErrorRegWriteKey=Gwall wrth ysgrifennu i allwedd y gofrestrfa:%n%1\%2

; *** INI errors
ErrorIniEntry=Gwall wrth greu cofnod INI yn y ffeil "%1".

; *** File copying errors
FileAbortRetryIgnoreSkipNotRecommended=&Hepgor y ffeil hon (nid argymhellir)
FileAbortRetryIgnoreIgnoreNotRecommended=&Anwybyddu'r gwall a pharhau (nid argymhellir)
SourceIsCorrupted=Mae'r ffeil ffynhonnell wedi'i llygru
SourceDoesntExist=Nid yw'r ffeil ffynhonnell "%1" yn bodoli
ExistingFileReadOnly2=Nid oedd modd disodli'r ffeil sy'n bodoli eisoes am ei bod wedi'i nodi'n ffeil darllen yn unig.
ExistingFileReadOnlyRetry=&Tynnu'r nodwedd darllen yn unig a rhoi cynnig arall arni
ExistingFileReadOnlyKeepExisting=&Cadw'r ffeil sy'n bodoli
ErrorReadingExistingDest=Bu gwall wrth geisio darllen y ffeil sy'n bodoli eisoes:
FileExistsSelectAction=Dewiswch beth i'w wneud
FileExists2=Mae'r ffeil yn bodoli eisoes.
FileExistsOverwriteExisting=&Trosysgrifo'r ffeil sy'n bodoli
FileExistsKeepExisting=&Cadw'r ffeil sy'n bodoli
FileExistsOverwriteOrKeepAll=&Gwneud hyn ar gyfer y gwrthdrawiadau nesaf
ExistingFileNewerSelectAction=Dewiswch beth i'w wneud
ExistingFileNewer2=Mae'r ffeil sy'n bodoli eisoes yn fwy newydd na'r un y mae'r Rhaglen Osod yn ceisio'i gosod.
ExistingFileNewerOverwriteExisting=&Trosysgrifo'r ffeil sy'n bodoli
ExistingFileNewerKeepExisting=&Cadw'r ffeil sy'n bodoli (argymhellir)
ExistingFileNewerOverwriteOrKeepAll=&Gwneud hyn ar gyfer y gwrthdrawiadau nesaf
ErrorChangingAttr=Bu gwall wrth geisio newid priodoleddau'r ffeil sy'n bodoli eisoes:
ErrorCreatingTemp=Bu gwall wrth geisio creu ffeil yn y ffolder gosod:
ErrorReadingSource=Bu gwall wrth geisio darllen y ffeil ffynhonnell:
ErrorCopying=Bu gwall wrth geisio copïo ffeil:
ErrorReplacingExistingFile=Bu gwall wrth geisio disodli'r ffeil sy'n bodoli eisoes:
ErrorRestartReplace=Methodd RestartReplace:
ErrorRenamingTemp=Bu gwall wrth geisio ailenwi ffeil yn y ffolder gosod:
ErrorRegisterServer=Methu cofrestru'r DLL/OCX: %1
ErrorRegSvr32Failed=Methodd RegSvr32 gyda chod gadael %1
ErrorRegisterTypeLib=Methu cofrestru'r llyfrgell fathau: %1

; *** Uninstall display name markings
; used for example as 'My Program (32-bit)'
UninstallDisplayNameMark=%1 (%2)
; used for example as 'My Program (32-bit, All users)'
UninstallDisplayNameMarks=%1 (%2, %3)
UninstallDisplayNameMark32Bit=32-did
UninstallDisplayNameMark64Bit=64-did
UninstallDisplayNameMarkAllUsers=Pob defnyddiwr
UninstallDisplayNameMarkCurrentUser=Y defnyddiwr presennol

; *** Post-installation errors
ErrorOpeningReadme=Bu gwall wrth geisio agor y ffeil README.
ErrorRestartingComputer=Methodd y Rhaglen Osod ag ailgychwyn y cyfrifiadur. Ailgychwynnwch ef eich hun.

; *** Uninstaller messages
UninstallNotFound=Nid yw'r ffeil "%1" yn bodoli. Methu dadosod.
UninstallOpenError=Methu agor y ffeil "%1". Methu dadosod
UninstallUnsupportedVer=Mae'r ffeil log dadosod "%1" mewn fformat nad yw'r fersiwn hon o'r Rhaglen Ddadosod yn ei adnabod. Methu dadosod
UninstallUnknownEntry=Cafwyd cofnod anhysbys (%1) yn y log dadosod
ConfirmUninstall=Ydych chi'n siŵr eich bod am dynnu %1 a'i holl gydrannau yn llwyr?
UninstallOnlyOnWin64=Dim ond ar Windows 64-did y gellir dadosod y gosodiad hwn.
OnlyAdminCanUninstall=Dim ond defnyddiwr â hawliau gweinyddwr all ddadosod y gosodiad hwn.
UninstallStatusLabel=Arhoswch tra bo %1 yn cael ei dynnu oddi ar eich cyfrifiadur.
UninstalledAll=Tynnwyd %1 oddi ar eich cyfrifiadur yn llwyddiannus.
UninstalledMost=Mae dadosod %1 wedi'i gwblhau.%n%nNid oedd modd tynnu rhai elfennau. Gallwch eu tynnu eich hun.
UninstalledAndNeedsRestart=I gwblhau dadosod %1, rhaid ailgychwyn eich cyfrifiadur.%n%nHoffech chi ailgychwyn nawr?
UninstallDataCorrupted=Mae'r ffeil "%1" wedi'i llygru. Methu dadosod

; *** Uninstallation phase messages
ConfirmDeleteSharedFileTitle=Tynnu'r Ffeil a Rennir?
ConfirmDeleteSharedFile2=Mae'r system yn nodi nad oes unrhyw raglen yn defnyddio'r ffeil a rennir ganlynol mwyach. Hoffech chi i'r Rhaglen Ddadosod dynnu'r ffeil a rennir hon?%n%nOs bydd unrhyw raglenni'n dal i ddefnyddio'r ffeil hon a hithau wedi'i thynnu, efallai na fydd y rhaglenni hynny'n gweithio'n iawn. Os nad ydych yn siŵr, dewiswch Na. Ni fydd gadael y ffeil ar eich system yn gwneud unrhyw niwed.
SharedFileNameLabel=Enw'r ffeil:
SharedFileLocationLabel=Lleoliad:
WizardUninstalling=Statws Dadosod
StatusUninstalling=Wrthi'n dadosod %1...

; *** Shutdown block reasons
ShutdownBlockReasonInstallingApp=Wrthi'n gosod %1.
ShutdownBlockReasonUninstallingApp=Wrthi'n dadosod %1.

; The custom messages below aren't used by Setup itself, but if you make
; use of them in your scripts, you'll want to translate them.

[CustomMessages]

NameAndVersion=%1 fersiwn %2
AdditionalIcons=Llwybrau byr ychwanegol:
CreateDesktopIcon=Creu llwybr byr ar y &bwrdd gwaith
CreateQuickLaunchIcon=Creu llwybr byr &Lansio Cyflym
ProgramOnTheWeb=%1 ar y We
UninstallProgram=Dadosod %1
LaunchProgram=Agor %1
AssocFileExtension=&Cysylltu %1 â'r estyniad ffeil %2
AssocingFileExtension=Wrthi'n cysylltu %1 â'r estyniad ffeil %2...
AutoStartProgramGroupDescription=Cychwyn:
AutoStartProgram=Cychwyn %1 yn awtomatig
AddonHostProgramNotFound=Nid oedd modd dod o hyd i %1 yn y ffolder a ddewisoch.%n%nYdych chi am barhau beth bynnag?
