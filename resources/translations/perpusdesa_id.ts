<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AgeBandsDialog</name>
    <message>
        <source>Age bands</source>
        <translation>Kelompok umur</translation>
    </message>
    <message>
        <source>Rename a band or change the age at which it starts; the next band starts where it ends. Bands cannot be added or removed in this version.</source>
        <translation>Ubah nama kelompok atau umur awalnya; kelompok berikutnya dimulai tepat setelahnya. Pada versi ini kelompok tidak dapat ditambah atau dihapus.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;From age</source>
        <translation>&amp;Mulai umur</translation>
    </message>
    <message>
        <source>Ages</source>
        <translation>Umur</translation>
    </message>
    <message>
        <source>{low} years and older</source>
        <translation>{low} tahun ke atas</translation>
    </message>
    <message>
        <source>{low}–{high} years</source>
        <translation>{low}–{high} tahun</translation>
    </message>
</context>
<context>
    <name>BerandaPage</name>
    <message>
        <source>Active members</source>
        <translation>Anggota aktif</translation>
    </message>
    <message>
        <source>Titles in the catalogue</source>
        <translation>Judul dalam katalog</translation>
    </message>
    <message>
        <source>Copies in the collection</source>
        <translation>Eksemplar buku</translation>
    </message>
    <message>
        <source>Visitors this month</source>
        <translation>Pengunjung bulan ini</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Changes waiting to be synced</source>
        <translation>Perubahan menunggu sinkronisasi</translation>
    </message>
</context>
<context>
    <name>CardPrintDialog</name>
    <message>
        <source>member-cards-{date}.pdf</source>
        <translation>kartu-anggota-{date}.pdf</translation>
    </message>
    <message>
        <source>Print member cards</source>
        <translation>Cetak kartu anggota</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>F4 (215 × 330 mm)</source>
        <translation>F4 (215 × 330 mm)</translation>
    </message>
    <message>
        <source>Save as a &amp;PDF file</source>
        <translation>Simpan sebagai berkas &amp;PDF</translation>
    </message>
    <message>
        <source>Send to a p&amp;rinter</source>
        <translation>Kirim ke p&amp;rinter</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>Pil&amp;ih...</translation>
    </message>
    <message>
        <source>&amp;Open the PDF</source>
        <translation>B&amp;uka PDF</translation>
    </message>
    <message>
        <source>&amp;Make the cards</source>
        <translation>Buat k&amp;artu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>P&amp;aper</source>
        <translation>&amp;Kertas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>Cards for {count} members; sheets of paper needed: {sheets}.</source>
        <translation>Kartu untuk {count} anggota; kertas yang diperlukan: {sheets} lembar.</translation>
    </message>
    <message>
        <source>Save the cards as</source>
        <translation>Simpan kartu sebagai</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose where to save the PDF file.</source>
        <translation>Pilih tempat menyimpan berkas PDF.</translation>
    </message>
    <message>
        <source>Making the member cards...</source>
        <translation>Membuat kartu anggota...</translation>
    </message>
    <message>
        <source>The cards were saved in {path}.</source>
        <translation>Kartu sudah disimpan di {path}.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>Member cards</source>
        <translation>Kartu anggota</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>PerpusDesa</source>
        <translation>PerpusDesa</translation>
    </message>
    <message>
        <source>Data folder: {path}</source>
        <translation>Folder data: {path}</translation>
    </message>
    <message>
        <source>Updating the database to this version of PerpusDesa...</source>
        <translation>Memperbarui basis data ke versi PerpusDesa ini...</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>PerpusDesa — first-time set-up</source>
        <translation>PerpusDesa — pengaturan awal</translation>
    </message>
    <message>
        <source>Welcome to PerpusDesa</source>
        <translation>Selamat datang di PerpusDesa</translation>
    </message>
    <message>
        <source>This short set-up describes your library and creates the first administrator account.</source>
        <translation>Pengaturan singkat ini mencatat data perpustakaan Anda dan membuat akun administrator pertama.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>B&amp;ahasa</translation>
    </message>
    <message>
        <source>Your library</source>
        <translation>Perpustakaan Anda</translation>
    </message>
    <message>
        <source>The name and address appear on every report.</source>
        <translation>Nama dan alamat akan tercantum di setiap laporan.</translation>
    </message>
    <message>
        <source>e.g. Perpustakaan Desa Sukamaju</source>
        <translation>contoh: Perpustakaan Desa Sukamaju</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>boleh dikosongkan</translation>
    </message>
    <message>
        <source>Library &amp;name</source>
        <translation>&amp;Nama perpustakaan</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Jenis</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Alamat</translation>
    </message>
    <message>
        <source>NPP (library number)</source>
        <translation>NPP (Nomor Pokok Perpustakaan)</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Choose from the official list of regions (Kemendagri). The national report is built from it.</source>
        <translation>Pilih dari daftar wilayah resmi (Kemendagri). Laporan nasional disusun berdasarkan pilihan ini.</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>&amp;Provinsi</translation>
    </message>
    <message>
        <source>&amp;District / city</source>
        <translation>Kab&amp;upaten/Kota</translation>
    </message>
    <message>
        <source>&amp;Sub-district</source>
        <translation>Ke&amp;camatan</translation>
    </message>
    <message>
        <source>&amp;Village</source>
        <translation>&amp;Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>The monthly report is signed by the head of the library and acknowledged by the village head.</source>
        <translation>Laporan bulanan ditandatangani oleh Kepala Perpustakaan dan diketahui oleh Kepala Desa/Lurah.</translation>
    </message>
    <message>
        <source>Head of the &amp;library</source>
        <translation>Kepala &amp;Perpustakaan</translation>
    </message>
    <message>
        <source>&amp;Village head</source>
        <translation>Kepala &amp;Desa/Lurah</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>The administrator can do everything, including adding the other users.</source>
        <translation>Administrator dapat melakukan semua hal, termasuk menambahkan pengguna lain.</translation>
    </message>
    <message>
        <source>e.g. siti</source>
        <translation>contoh: siti</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nama &amp;lengkap</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>Nama &amp;pengguna</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Kata s&amp;andi</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Ulangi kata sandi</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Berikutnya &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Selesai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— pilih —</translation>
    </message>
    <message>
        <source>Creating your library...</source>
        <translation>Menyiapkan perpustakaan Anda...</translation>
    </message>
</context>
<context>
    <name>GroupForm</name>
    <message>
        <source>e.g. SD Negeri 1, PKK RW 03</source>
        <translation>contoh: SD Negeri 1, PKK RW 03</translation>
    </message>
    <message>
        <source>Men / boys</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Women / girls</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>Group or &amp;institution</source>
        <translation>Rombongan/&amp;instansi</translation>
    </message>
    <message>
        <source>Lead&amp;er</source>
        <translation>K&amp;etua rombongan</translation>
    </message>
    <message>
        <source>Leader&apos;s &amp;phone</source>
        <translation>Tele&amp;pon ketua</translation>
    </message>
    <message>
        <source>How many (gender)</source>
        <translation>Jumlah (jenis kelamin)</translation>
    </message>
    <message>
        <source>How many (age)</source>
        <translation>Jumlah (kelompok umur)</translation>
    </message>
    <message>
        <source>Comes &amp;from</source>
        <translation>A&amp;sal</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Keperluan</translation>
    </message>
    <message>
        <source>Together: {total} people.</source>
        <translation>Jumlah seluruhnya: {total} orang.</translation>
    </message>
    <message>
        <source>Men and women make {total} people, but the age groups {by_age}.</source>
        <translation>Menurut jenis kelamin ada {total} orang, tetapi menurut kelompok umur ada {by_age} orang.</translation>
    </message>
</context>
<context>
    <name>GuestForm</name>
    <message>
        <source>optional</source>
        <translation>boleh dikosongkan</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— pilih —</translation>
    </message>
    <message>
        <source>— not asked —</source>
        <translation>— tidak ditanyakan —</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>Gend&amp;er</source>
        <translation>Jenis k&amp;elamin</translation>
    </message>
    <message>
        <source>&amp;Age group</source>
        <translation>Ke&amp;lompok umur</translation>
    </message>
    <message>
        <source>Occu&amp;pation</source>
        <translation>&amp;Pekerjaan</translation>
    </message>
    <message>
        <source>Comes &amp;from</source>
        <translation>A&amp;sal</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Keperluan</translation>
    </message>
</context>
<context>
    <name>GuestbookPage</name>
    <message>
        <source>Guestbook</source>
        <translation>Buku Tamu</translation>
    </message>
    <message>
        <source>Visit &amp;time</source>
        <translation>&amp;Waktu kunjungan</translation>
    </message>
    <message>
        <source>Follow the &amp;clock</source>
        <translation>Ikuti &amp;jam</translation>
    </message>
    <message>
        <source>Untick, or change the time, to type in visits of another day or hour.</source>
        <translation>Hilangkan centang, atau ubah waktunya, untuk mengetik kunjungan pada hari atau jam lain.</translation>
    </message>
    <message>
        <source>&amp;Keep the answers, clear only the name (fast entry)</source>
        <translation>Pertahankan jawaban, kosongkan nama saja (isi &amp;cepat)</translation>
    </message>
    <message>
        <source>Record gue&amp;st</source>
        <translation>Catat ta&amp;mu</translation>
    </message>
    <message>
        <source>Record gro&amp;up</source>
        <translation>Catat ro&amp;mbongan</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>&amp;Anggota</translation>
    </message>
    <message>
        <source>&amp;Guest (not a member)</source>
        <translation>&amp;Tamu (bukan anggota)</translation>
    </message>
    <message>
        <source>G&amp;roup</source>
        <translation>&amp;Rombongan</translation>
    </message>
    <message>
        <source>Und&amp;o</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>C&amp;hange</source>
        <translation>U&amp;bah</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>{people} people: {male} male, {female} female · members {members}, non-members {guests}, in groups {groups}</source>
        <translation>{people} orang: {male} laki-laki, {female} perempuan · anggota {members}, bukan anggota {guests}, dalam rombongan {groups}</translation>
    </message>
    <message>
        <source>{name} ({number}) · {gender} · {band}</source>
        <translation>{name} ({number}) · {gender} · {band}</translation>
    </message>
    <message>
        <source>Recorded at {time}: {who}.</source>
        <translation>Dicatat pukul {time}: {who}.</translation>
    </message>
    <message>
        <source>Check in again?</source>
        <translation>Catat kunjungan lagi?</translation>
    </message>
    <message>
        <source>{message} Record another visit?</source>
        <translation>{message} Catat satu kunjungan lagi?</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>Not recorded again.</source>
        <translation>Tidak dicatat lagi.</translation>
    </message>
    <message>
        <source>Visit deleted: {who}, {time}.</source>
        <translation>Kunjungan dihapus: {who}, {time}.</translation>
    </message>
    <message>
        <source>The visit is back in the list.</source>
        <translation>Kunjungan sudah kembali ke daftar.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import members</source>
        <translation>Impor anggota</translation>
    </message>
    <message>
        <source>File: {file}</source>
        <translation>Berkas: {file}</translation>
    </message>
    <message>
        <source>Checking every row...</source>
        <translation>Memeriksa setiap baris...</translation>
    </message>
    <message>
        <source>Every member in this file agreed &amp;on paper to how their data are kept (for children: a parent or guardian).</source>
        <translation>Setiap anggota dalam berkas ini sudah menyetujui &amp;secara tertulis cara data mereka disimpan (untuk anak: orang tua/wali yang menyetujui).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Checking the rows of {file}...</source>
        <translation>Memeriksa baris-baris {file}...</translation>
    </message>
    <message>
        <source>File: {file} ({kind})</source>
        <translation>Berkas: {file} ({kind})</translation>
    </message>
    <message>
        <source>Rows in the file: {total}. Ready to import: {valid}. With problems: {invalid}. Correct the file and open it again, or skip the bad rows.</source>
        <translation>Baris dalam berkas: {total}. Siap diimpor: {valid}. Bermasalah: {invalid}. Perbaiki berkasnya lalu buka lagi, atau lewati baris yang bermasalah.</translation>
    </message>
    <message>
        <source>Rows in the file: {total}. Every one can be imported.</source>
        <translation>Baris dalam berkas: {total}. Semuanya dapat diimpor.</translation>
    </message>
    <message>
        <source>&amp;Import {count} members</source>
        <translation>&amp;Impor {count} anggota</translation>
    </message>
    <message>
        <source>&amp;Skip the bad rows and import {count}</source>
        <translation>&amp;Lewati baris bermasalah dan impor {count}</translation>
    </message>
    <message>
        <source>Importing {count} members...</source>
        <translation>Mengimpor {count} anggota...</translation>
    </message>
    <message>
        <source>Members imported: {count}.</source>
        <translation>Anggota yang diimpor: {count}.</translation>
    </message>
    <message>
        <source>Rows with problems left out: {count}.</source>
        <translation>Baris bermasalah yang dilewati: {count}.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>Stopped. Nothing was imported.</source>
        <translation>Dihentikan. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>Choose the file of members</source>
        <translation>Pilih berkas data anggota</translation>
    </message>
    <message>
        <source>Member files (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Berkas anggota (*.csv *.xlsx *.txt);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Save the member template</source>
        <translation>Simpan templat anggota</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>KioskStartPage</name>
    <message>
        <source>Self check-in</source>
        <translation>Mode Mandiri</translation>
    </message>
    <message>
        <source>The self check-in fills the whole screen. To leave it, tap the small Staff button in the corner (or press Ctrl+Shift+Q) and type a staff password.</source>
        <translation>Mode Mandiri memenuhi seluruh layar. Untuk keluar, sentuh tombol kecil Petugas di pojok layar (atau tekan Ctrl+Shift+Q), lalu ketik kata sandi petugas.</translation>
    </message>
    <message>
        <source>&amp;Start self check-in</source>
        <translation>&amp;Mulai Mode Mandiri</translation>
    </message>
    <message>
        <source>Visitors sign the guestbook themselves on this PC: members scan their card, guests tap who they are and why they came. The visits are recorded in your name ({name}), just like the ones typed at the desk.</source>
        <translation>Pengunjung mengisi buku tamu sendiri di komputer ini: anggota memindai kartunya, tamu menyentuh layar untuk memilih siapa mereka dan apa keperluannya. Kunjungan dicatat atas nama Anda ({name}), sama seperti kunjungan yang diketik di meja petugas.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Self check-in</source>
        <translation>Mode Mandiri</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Staff: leave the self check-in (Ctrl+Shift+Q)</source>
        <translation>Petugas: keluar dari Mode Mandiri (Ctrl+Shift+Q)</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Kembali</translation>
    </message>
    <message>
        <source>Welcome to {library}</source>
        <translation>Selamat datang di {library}</translation>
    </message>
    <message>
        <source>Members: scan your member card</source>
        <translation>Anggota: pindai kartu anggota Anda</translation>
    </message>
    <message>
        <source>Scan your member card</source>
        <translation>Pindai kartu anggota</translation>
    </message>
    <message>
        <source>No member card?</source>
        <translation>Tidak punya kartu anggota?</translation>
    </message>
    <message>
        <source>I am a guest</source>
        <translation>Saya tamu</translation>
    </message>
    <message>
        <source>Why did you come today? Tap one.</source>
        <translation>Apa keperluan Anda hari ini? Sentuh salah satu.</translation>
    </message>
    <message>
        <source>Same as last time</source>
        <translation>Sama seperti sebelumnya</translation>
    </message>
    <message>
        <source>Step {step} of {count}</source>
        <translation>Langkah {step} dari {count}</translation>
    </message>
    <message>
        <source>Are you a man or a woman?</source>
        <translation>Anda laki-laki atau perempuan?</translation>
    </message>
    <message>
        <source>How old are you?</source>
        <translation>Berapa usia Anda?</translation>
    </message>
    <message>
        <source>Why did you come today? Tap all that apply.</source>
        <translation>Apa keperluan Anda hari ini? Sentuh semua yang sesuai.</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Lanjut ›</translation>
    </message>
    <message>
        <source>What is your name? (you may leave it empty)</source>
        <translation>Siapa nama Anda? (boleh dikosongkan)</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Nama Anda</translation>
    </message>
    <message>
        <source>Sign the guestbook</source>
        <translation>Isi buku tamu</translation>
    </message>
    <message>
        <source>Your visit is in the guestbook. Enjoy your time at the library!</source>
        <translation>Kunjungan Anda sudah tercatat di buku tamu. Selamat menikmati perpustakaan!</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Sorry, this card cannot be used here.</source>
        <translation>Maaf, kartu ini tidak dapat digunakan di sini.</translation>
    </message>
    <message>
        <source>{reason} Please see the librarian.</source>
        <translation>{reason} Silakan temui petugas perpustakaan.</translation>
    </message>
    <message>
        <source>Hello, {name}!</source>
        <translation>Halo, {name}!</translation>
    </message>
    <message>
        <source>In {seconds} seconds you are signed in for the same purposes as last time.</source>
        <translation>Dalam {seconds} detik, kunjungan Anda dicatat dengan keperluan yang sama seperti sebelumnya.</translation>
    </message>
    <message>
        <source>You are already checked in, {name}.</source>
        <translation>Anda sudah tercatat, {name}.</translation>
    </message>
    <message>
        <source>You are already checked in.</source>
        <translation>Anda sudah tercatat.</translation>
    </message>
    <message>
        <source>Your visit is already in the guestbook. Enjoy your time at the library!</source>
        <translation>Kunjungan Anda sudah ada di buku tamu. Selamat menikmati perpustakaan!</translation>
    </message>
    <message>
        <source>Sorry, the visit could not be recorded.</source>
        <translation>Maaf, kunjungan tidak dapat dicatat.</translation>
    </message>
    <message>
        <source>Thank you, {name}!</source>
        <translation>Terima kasih, {name}!</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Terima kasih!</translation>
    </message>
</context>
<context>
    <name>ListDialog</name>
    <message>
        <source>&amp;Restore the defaults</source>
        <translation>&amp;Kembalikan ke bawaan</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Log in to continue</source>
        <translation>Masuk untuk melanjutkan</translation>
    </message>
    <message>
        <source>The program was locked because nobody used it for a while. Your work is kept.</source>
        <translation>Program dikunci karena tidak dipakai selama beberapa waktu. Pekerjaan Anda tidak hilang.</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Masuk</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PerpusDesa</source>
        <translation>PerpusDesa</translation>
    </message>
</context>
<context>
    <name>MemberDetail</name>
    <message>
        <source>Choose a member in the list to see their details.</source>
        <translation>Pilih anggota di daftar untuk melihat datanya.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Pendidikan</translation>
    </message>
    <message>
        <source>Member type</source>
        <translation>Jenis anggota</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Tanggal daftar</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Persetujuan</translation>
    </message>
    <message>
        <source>Parent or guardian</source>
        <translation>Orang tua/wali</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ubah…</translation>
    </message>
    <message>
        <source>Re&amp;new</source>
        <translation>&amp;Perpanjang</translation>
    </message>
    <message>
        <source>E&amp;xport data…</source>
        <translation>&amp;Ekspor data…</translation>
    </message>
    <message>
        <source>Era&amp;se…</source>
        <translation>&amp;Hapus data…</translation>
    </message>
    <message>
        <source>{name} · {number}</source>
        <translation>{name} · {number}</translation>
    </message>
    <message>
        <source>Visits ({count})</source>
        <translation>Kunjungan ({count})</translation>
    </message>
    <message>
        <source>Loans ({count})</source>
        <translation>Peminjaman ({count})</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Data dihapus</translation>
    </message>
    <message>
        <source>{date} ({band})</source>
        <translation>{date} ({band})</translation>
    </message>
    <message>
        <source>{address} RT {rt} / RW {rw}</source>
        <translation>{address} RT {rt} / RW {rw}</translation>
    </message>
    <message>
        <source>{address}, {village}</source>
        <translation>{address}, {village}</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>tanpa batas waktu</translation>
    </message>
    <message>
        <source>Given on {when}, recorded by {staff}</source>
        <translation>Diberikan pada {when}, dicatat oleh {staff}</translation>
    </message>
    <message>
        <source>{name}, agreed on {when}</source>
        <translation>{name}, menyetujui pada {when}</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Nonaktifkan</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>&amp;Aktifkan lagi</translation>
    </message>
    <message>
        <source>Membership renewed until {date}.</source>
        <translation>Keanggotaan diperpanjang sampai {date}.</translation>
    </message>
    <message>
        <source>Membership renewed; it has no end date.</source>
        <translation>Keanggotaan diperpanjang tanpa batas waktu.</translation>
    </message>
    <message>
        <source>{name} is now inactive.</source>
        <translation>{name} sekarang nonaktif.</translation>
    </message>
    <message>
        <source>{name} is active again.</source>
        <translation>{name} aktif lagi.</translation>
    </message>
    <message>
        <source>Export the data of {name}</source>
        <translation>Ekspor data {name}</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Berkas JSON (*.json)</translation>
    </message>
    <message>
        <source>The data of {name} were saved in {path}.</source>
        <translation>Data {name} sudah disimpan di {path}.</translation>
    </message>
    <message>
        <source>Erase a member</source>
        <translation>Hapus data anggota</translation>
    </message>
    <message>
        <source>Erase all personal data of {name} ({number})?</source>
        <translation>Hapus semua data pribadi {name} ({number})?</translation>
    </message>
    <message>
        <source>Their name, address, phone number, date of birth, NIK, photo, parent&apos;s or guardian&apos;s name and notes are deleted. Their visits and loans stay in the statistics without their name. This cannot be undone.</source>
        <translation>Nama, alamat, nomor telepon, tanggal lahir, NIK, foto, nama orang tua/wali, dan catatannya dihapus. Kunjungan dan peminjamannya tetap dihitung dalam statistik tanpa nama. Tindakan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>The personal data of {name} were erased.</source>
        <translation>Data pribadi {name} sudah dihapus.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Register a member</source>
        <translation>Daftarkan anggota</translation>
    </message>
    <message>
        <source>Change member {number}</source>
        <translation>Ubah data anggota {number}</translation>
    </message>
    <message>
        <source>Given by the program: {number}</source>
        <translation>Diberikan otomatis oleh program: {number}</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>optional, 16 digits</source>
        <translation>boleh dikosongkan, 16 angka</translation>
    </message>
    <message>
        <source>Another village or unknown</source>
        <translation>Desa lain atau tidak diketahui</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>tanpa batas waktu</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>boleh dikosongkan</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Pili&amp;h…</translation>
    </message>
    <message>
        <source>The member &amp;agrees</source>
        <translation>Anggota &amp;menyetujui</translation>
    </message>
    <message>
        <source>The parent or guard&amp;ian agrees</source>
        <translation>O&amp;rang tua/wali menyetujui</translation>
    </message>
    <message>
        <source>Member n&amp;umber</source>
        <translation>N&amp;omor anggota</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>&amp;Jenis kelamin</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>Tanggal &amp;lahir</translation>
    </message>
    <message>
        <source>Member &amp;type</source>
        <translation>Jenis an&amp;ggota</translation>
    </message>
    <message>
        <source>&amp;Occupation</source>
        <translation>&amp;Pekerjaan</translation>
    </message>
    <message>
        <source>&amp;Education</source>
        <translation>P&amp;endidikan</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telepon</translation>
    </message>
    <message>
        <source>NI&amp;K</source>
        <translation>NI&amp;K</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>&amp;Alamat</translation>
    </message>
    <message>
        <source>R&amp;W</source>
        <translation>R&amp;W</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>&amp;Village</source>
        <translation>&amp;Desa/Kelurahan</translation>
    </message>
    <message>
        <source>&amp;Registered on</source>
        <translation>Tanggal da&amp;ftar</translation>
    </message>
    <message>
        <source>Valid unti&amp;l</source>
        <translation>&amp;Berlaku sampai</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Parent or guardian&apos;s na&amp;me</source>
        <translation>Nama orang t&amp;ua/wali</translation>
    </message>
    <message>
        <source>Consent to keep the member&apos;s data</source>
        <translation>Persetujuan penyimpanan data anggota</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Consent given on {when}, recorded by {staff}.</source>
        <translation>Persetujuan diberikan pada {when}, dicatat oleh {staff}.</translation>
    </message>
    <message>
        <source>{age} years · {band}</source>
        <translation>{age} tahun · {band}</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Pilih foto</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>Gambar (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Scan the card or type the number, then Enter</source>
        <translation>Pindai kartu atau ketik nomornya, lalu tekan Enter</translation>
    </message>
    <message>
        <source>Member &amp;number (F2)</source>
        <translation>&amp;Nomor anggota (F2)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>Record at once when a card is &amp;scanned</source>
        <translation>Langsung catat saat kartu di&amp;pindai</translation>
    </message>
    <message>
        <source>Record member &amp;visit</source>
        <translation>Catat kunjungan an&amp;ggota</translation>
    </message>
    <message>
        <source>Purposes of the visit:</source>
        <translation>Keperluan kunjungan:</translation>
    </message>
</context>
<context>
    <name>MemberVisitForm</name>
    <message>
        <source>Member &amp;number</source>
        <translation>&amp;Nomor anggota</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Keperluan</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Members</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Type a name, member number, phone number or village</source>
        <translation>Ketik nama, nomor anggota, nomor telepon, atau desa</translation>
    </message>
    <message>
        <source>Sear&amp;ch</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>&amp;Register member…</source>
        <translation>&amp;Daftarkan anggota…</translation>
    </message>
    <message>
        <source>&amp;Import members…</source>
        <translation>&amp;Impor anggota…</translation>
    </message>
    <message>
        <source>&amp;Print member cards…</source>
        <translation>Ce&amp;tak kartu anggota…</translation>
    </message>
    <message>
        <source>Cards of the members selected in the list, or of all active members</source>
        <translation>Kartu untuk anggota yang dipilih di daftar, atau untuk semua anggota aktif</translation>
    </message>
    <message>
        <source>The newest members</source>
        <translation>Anggota terbaru</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>{count} ditemukan</translation>
    </message>
    <message>
        <source>No member found</source>
        <translation>Tidak ada anggota yang ditemukan</translation>
    </message>
    <message>
        <source>This part of the program is not installed.</source>
        <translation>Bagian program ini belum terpasang.</translation>
    </message>
</context>
<context>
    <name>OriginPicker</name>
    <message>
        <source>— not asked —</source>
        <translation>— tidak ditanyakan —</translation>
    </message>
    <message>
        <source>Other place...</source>
        <translation>Tempat lain...</translation>
    </message>
    <message>
        <source>village, sub-district or town</source>
        <translation>desa, kecamatan, atau kota</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Beranda</translation>
    </message>
    <message>
        <source>Guestbook</source>
        <translation>Buku Tamu</translation>
    </message>
    <message>
        <source>Self check-in</source>
        <translation>Mode Mandiri</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Anggota</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>New password for {name}</source>
        <translation>Kata sandi baru untuk {name}</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>Kata sandi &amp;baru</translation>
    </message>
    <message>
        <source>R&amp;epeat password</source>
        <translation>&amp;Ulangi kata sandi</translation>
    </message>
</context>
<context>
    <name>PerpusDesa</name>
    <message>
        <source>PerpusDesa: the program of the village library.</source>
        <translation>PerpusDesa: program perpustakaan desa.</translation>
    </message>
    <message>
        <source>data folder (default: the user&apos;s data folder, or PERPUSDESA_DATA_DIR)</source>
        <translation>folder data (bawaan: folder data pengguna, atau PERPUSDESA_DATA_DIR)</translation>
    </message>
    <message>
        <source>open the program (the default)</source>
        <translation>membuka program (bawaan)</translation>
    </message>
    <message>
        <source>create a demo library with realistic data</source>
        <translation>membuat perpustakaan demo dengan data yang realistis</translation>
    </message>
    <message>
        <source>years of data (1 to 10)</source>
        <translation>jumlah tahun data (1 sampai 10)</translation>
    </message>
    <message>
        <source>seed; the same seed gives the same library</source>
        <translation>benih acak; benih yang sama menghasilkan perpustakaan yang sama</translation>
    </message>
    <message>
        <source>import records from a file</source>
        <translation>mengimpor data dari berkas</translation>
    </message>
    <message>
        <source>members from a CSV or XLSX file: the PerpusDesa template or a SLiMS export</source>
        <translation>anggota dari berkas CSV atau XLSX: templat PerpusDesa atau hasil ekspor SLiMS</translation>
    </message>
    <message>
        <source>the .csv or .xlsx file</source>
        <translation>berkas .csv atau .xlsx</translation>
    </message>
    <message>
        <source>import the valid rows and leave out the rows with problems</source>
        <translation>mengimpor baris yang benar dan melewati baris yang bermasalah</translation>
    </message>
    <message>
        <source>for a SLiMS export: every member in it agreed on paper to how their data are kept</source>
        <translation>untuk hasil ekspor SLiMS: setiap anggota di dalamnya sudah menyetujui secara tertulis cara data mereka disimpan</translation>
    </message>
    <message>
        <source>the staff member recorded as having collected the consent (default: the first administrator)</source>
        <translation>petugas yang dicatat sebagai pengumpul persetujuan (bawaan: administrator pertama)</translation>
    </message>
    <message>
        <source>--years must be between 1 and 10.</source>
        <translation>--years harus antara 1 dan 10.</translation>
    </message>
    <message>
        <source>The demo library is already in {path}.</source>
        <translation>Perpustakaan demo sudah ada di {path}.</translation>
    </message>
    <message>
        <source>{path} already holds a real library; the demo needs an empty folder.</source>
        <translation>{path} sudah berisi data perpustakaan sungguhan. Demo memerlukan folder kosong.</translation>
    </message>
    <message>
        <source>Creating the demo library... {percent}%</source>
        <translation>Membuat perpustakaan demo... {percent}%</translation>
    </message>
    <message>
        <source>Demo library created in {path}: {members} members, {titles} titles, {visits} visits.</source>
        <translation>Perpustakaan demo dibuat di {path}: {members} anggota, {titles} judul, {visits} kunjungan.</translation>
    </message>
    <message>
        <source>Log in as admin with the password perpusdesa.</source>
        <translation>Masuk sebagai admin dengan kata sandi perpusdesa.</translation>
    </message>
    <message>
        <source>There is no library in {path} yet. Open PerpusDesa once to set it up.</source>
        <translation>Belum ada perpustakaan di {path}. Buka PerpusDesa sekali untuk melakukan pengaturan awal.</translation>
    </message>
    <message>
        <source>There is no active staff member {username}.</source>
        <translation>Tidak ada petugas aktif dengan nama pengguna {username}.</translation>
    </message>
    <message>
        <source>Members imported from {file}: {count}; consent recorded by {name}.</source>
        <translation>Anggota yang diimpor dari {file}: {count}; persetujuan dicatat oleh {name}.</translation>
    </message>
    <message>
        <source>Rows with problems left out (listed above): {count}.</source>
        <translation>Baris bermasalah yang dilewati (lihat daftar di atas): {count}.</translation>
    </message>
    <message>
        <source>Sorry, something went wrong inside PerpusDesa. The details were written to {log}.</source>
        <translation>Maaf, terjadi kesalahan di dalam PerpusDesa. Rinciannya dicatat di {log}.</translation>
    </message>
    <message>
        <source>Sorry, something went wrong inside PerpusDesa. What you saved before is safe. The details were written to {log}; please give that file to your district facilitator.</source>
        <translation>Maaf, terjadi kesalahan di dalam PerpusDesa. Data yang sudah Anda simpan tetap aman. Rinciannya dicatat di {log}. Mohon serahkan berkas itu kepada fasilitator kabupaten/kota Anda.</translation>
    </message>
    <message>
        <source>PerpusDesa</source>
        <translation>PerpusDesa</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Masa berlaku habis</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space on {path} and try again.</source>
        <translation>Disk penuh. Kosongkan sebagian ruang di {path}, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The data folder {path} cannot be written to. Choose another folder.</source>
        <translation>Folder data {path} tidak dapat ditulisi. Pilih folder lain.</translation>
    </message>
    <message>
        <source>The database is in use by another copy of PerpusDesa. Close it and try again.</source>
        <translation>Basis data sedang dipakai oleh PerpusDesa lain yang masih terbuka. Tutup program itu, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The database file {path} is damaged. Restore it from a backup.</source>
        <translation>Berkas basis data {path} rusak. Pulihkan dari cadangan (backup).</translation>
    </message>
    <message>
        <source>The database {path} could not be opened: {reason}</source>
        <translation>Basis data {path} tidak dapat dibuka: {reason}</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Pengelola</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Relawan</translation>
    </message>
    <message>
        <source>Fill in a username.</source>
        <translation>Isi nama pengguna.</translation>
    </message>
    <message>
        <source>A username may use only letters, digits, dots, dashes and underscores.</source>
        <translation>Nama pengguna hanya boleh berisi huruf, angka, titik, tanda hubung, dan garis bawah.</translation>
    </message>
    <message>
        <source>The password must have at least {count} characters.</source>
        <translation>Kata sandi harus paling sedikit {count} karakter.</translation>
    </message>
    <message>
        <source>Fill in the full name.</source>
        <translation>Isi nama lengkap.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Pilih peran.</translation>
    </message>
    <message>
        <source>Only an administrator can add users.</source>
        <translation>Hanya administrator yang dapat menambahkan pengguna.</translation>
    </message>
    <message>
        <source>The username {username} is already taken.</source>
        <translation>Nama pengguna {username} sudah dipakai.</translation>
    </message>
    <message>
        <source>Only an administrator can change users.</source>
        <translation>Hanya administrator yang dapat mengubah data pengguna.</translation>
    </message>
    <message>
        <source>That user no longer exists.</source>
        <translation>Pengguna tersebut sudah tidak ada.</translation>
    </message>
    <message>
        <source>At least one active administrator must remain.</source>
        <translation>Harus tetap ada paling sedikit satu administrator yang aktif.</translation>
    </message>
    <message>
        <source>Only an administrator can change another user&apos;s password.</source>
        <translation>Hanya administrator yang dapat mengubah kata sandi pengguna lain.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Wait {seconds} seconds and try again.</source>
        <translation>Terlalu banyak kata sandi salah. Tunggu {seconds} detik, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Choose a language.</source>
        <translation>Pilih bahasa.</translation>
    </message>
    <message>
        <source>The idle lock must be between 1 and 240 minutes.</source>
        <translation>Waktu kunci otomatis harus antara 1 dan 240 menit.</translation>
    </message>
    <message>
        <source>Fill in a whole number from 0 to 1440.</source>
        <translation>Isi bilangan bulat dari 0 sampai 1440.</translation>
    </message>
    <message>
        <source>Choose A4 or F4 paper.</source>
        <translation>Pilih kertas A4 atau F4.</translation>
    </message>
    <message>
        <source>Your role may not change the settings.</source>
        <translation>Peran Anda tidak boleh mengubah pengaturan.</translation>
    </message>
    <message>
        <source>This library has already been set up.</source>
        <translation>Pengaturan awal perpustakaan ini sudah dilakukan.</translation>
    </message>
    <message>
        <source>Village library (desa)</source>
        <translation>Perpustakaan Desa</translation>
    </message>
    <message>
        <source>Urban village library (kelurahan)</source>
        <translation>Perpustakaan Kelurahan</translation>
    </message>
    <message>
        <source>Sub-district library (kecamatan)</source>
        <translation>Perpustakaan Kecamatan</translation>
    </message>
    <message>
        <source>District or city library (kabupaten/kota)</source>
        <translation>Perpustakaan Umum Kabupaten/Kota</translation>
    </message>
    <message>
        <source>Provincial library</source>
        <translation>Perpustakaan Umum Provinsi</translation>
    </message>
    <message>
        <source>School library</source>
        <translation>Perpustakaan Sekolah</translation>
    </message>
    <message>
        <source>Community library (TBM)</source>
        <translation>Taman Bacaan Masyarakat (TBM)</translation>
    </message>
    <message>
        <source>Fill in the library&apos;s name.</source>
        <translation>Isi nama perpustakaan.</translation>
    </message>
    <message>
        <source>The library&apos;s name is too long (at most 200 characters).</source>
        <translation>Nama perpustakaan terlalu panjang (paling banyak 200 karakter).</translation>
    </message>
    <message>
        <source>Choose the type of library.</source>
        <translation>Pilih jenis perpustakaan.</translation>
    </message>
    <message>
        <source>The region {code} is not in the official list of regions.</source>
        <translation>Wilayah {code} tidak ada dalam daftar wilayah resmi.</translation>
    </message>
    <message>
        <source>Choose the province.</source>
        <translation>Pilih provinsi.</translation>
    </message>
    <message>
        <source>Choose the district or city.</source>
        <translation>Pilih kabupaten/kota.</translation>
    </message>
    <message>
        <source>Choose the sub-district.</source>
        <translation>Pilih kecamatan.</translation>
    </message>
    <message>
        <source>Choose the village.</source>
        <translation>Pilih desa/kelurahan.</translation>
    </message>
    <message>
        <source>Fill in the name of the head of the library.</source>
        <translation>Isi nama Kepala Perpustakaan.</translation>
    </message>
    <message>
        <source>Fill in the name of the village head.</source>
        <translation>Isi nama Kepala Desa/Lurah.</translation>
    </message>
    <message>
        <source>The NPP may contain only digits, dots and dashes.</source>
        <translation>NPP hanya boleh berisi angka, titik, dan tanda hubung.</translation>
    </message>
    <message>
        <source>Your role may not change the library&apos;s profile.</source>
        <translation>Peran Anda tidak berwenang mengubah profil perpustakaan.</translation>
    </message>
    <message>
        <source>The library has not been set up yet.</source>
        <translation>Pengaturan awal perpustakaan belum dilakukan.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Dibatalkan.</translation>
    </message>
    <message>
        <source>The number of years must be between 1 and {max}.</source>
        <translation>Jumlah tahun harus antara 1 dan {max}.</translation>
    </message>
    <message>
        <source>Demo creation was cancelled.</source>
        <translation>Pembuatan perpustakaan demo dibatalkan.</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>Child (0–12)</source>
        <translation>Anak (0–12)</translation>
    </message>
    <message>
        <source>Teenager (13–17)</source>
        <translation>Remaja (13–17)</translation>
    </message>
    <message>
        <source>Adult (18–59)</source>
        <translation>Dewasa (18–59)</translation>
    </message>
    <message>
        <source>Elderly (60+)</source>
        <translation>Lansia (60+)</translation>
    </message>
    <message>
        <source>Reading in the library</source>
        <translation>Membaca di tempat</translation>
    </message>
    <message>
        <source>Borrowing or returning books</source>
        <translation>Meminjam/mengembalikan buku</translation>
    </message>
    <message>
        <source>Internet or computer</source>
        <translation>Internet/komputer</translation>
    </message>
    <message>
        <source>Taking part in an activity</source>
        <translation>Mengikuti kegiatan</translation>
    </message>
    <message>
        <source>Studying or homework</source>
        <translation>Belajar/mengerjakan tugas</translation>
    </message>
    <message>
        <source>Looking for information</source>
        <translation>Mencari informasi</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>General public</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>Pupil or student</source>
        <translation>Pelajar/mahasiswa</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Anak</translation>
    </message>
    <message>
        <source>Farmer</source>
        <translation>Petani</translation>
    </message>
    <message>
        <source>Fisher</source>
        <translation>Nelayan</translation>
    </message>
    <message>
        <source>Trader or small business</source>
        <translation>Pedagang/wiraswasta</translation>
    </message>
    <message>
        <source>Homemaker</source>
        <translation>Ibu rumah tangga</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Guru</translation>
    </message>
    <message>
        <source>Civil servant, army or police</source>
        <translation>PNS/TNI/Polri</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Karyawan</translation>
    </message>
    <message>
        <source>Labourer</source>
        <translation>Buruh</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>Tidak bekerja</translation>
    </message>
    <message>
        <source>No schooling</source>
        <translation>Tidak sekolah</translation>
    </message>
    <message>
        <source>Primary school (SD)</source>
        <translation>SD/sederajat</translation>
    </message>
    <message>
        <source>Junior high school (SMP)</source>
        <translation>SMP/sederajat</translation>
    </message>
    <message>
        <source>Senior high school (SMA/SMK)</source>
        <translation>SMA/SMK/sederajat</translation>
    </message>
    <message>
        <source>Diploma (D1–D3)</source>
        <translation>Diploma (D1–D3)</translation>
    </message>
    <message>
        <source>Bachelor (S1)</source>
        <translation>Sarjana (S1)</translation>
    </message>
    <message>
        <source>Master or doctorate (S2/S3)</source>
        <translation>Pascasarjana (S2/S3)</translation>
    </message>
    <message>
        <source>The list of purposes is damaged: restore the defaults.</source>
        <translation>Daftar keperluan rusak: kembalikan ke bawaan.</translation>
    </message>
    <message>
        <source>The purpose code {code} is not valid: use small letters a–z, digits and _.</source>
        <translation>Kode keperluan {code} tidak sah: gunakan huruf kecil a–z, angka, dan _.</translation>
    </message>
    <message>
        <source>The purpose code {code} is used twice.</source>
        <translation>Kode keperluan {code} dipakai dua kali.</translation>
    </message>
    <message>
        <source>The purpose &quot;{label}&quot; is counted by the national statistics and cannot be removed or recoded: hide it instead.</source>
        <translation>Keperluan &quot;{label}&quot; dihitung dalam statistik nasional dan tidak dapat dihapus atau diganti kodenya: sembunyikan saja.</translation>
    </message>
    <message>
        <source>Fill in the name of purpose {number}.</source>
        <translation>Isi nama keperluan ke-{number}.</translation>
    </message>
    <message>
        <source>The name of purpose {number} is longer than {limit} characters.</source>
        <translation>Nama keperluan ke-{number} lebih dari {limit} karakter.</translation>
    </message>
    <message>
        <source>Two purposes are called &quot;{label}&quot;.</source>
        <translation>Ada dua keperluan bernama &quot;{label}&quot;.</translation>
    </message>
    <message>
        <source>At least one purpose must stay offered.</source>
        <translation>Paling sedikit satu keperluan harus tetap ditawarkan.</translation>
    </message>
    <message>
        <source>At most {limit} purposes can be offered at once.</source>
        <translation>Paling banyak {limit} keperluan dapat ditawarkan sekaligus.</translation>
    </message>
    <message>
        <source>The purpose &quot;{label}&quot; was saved before and old visits may carry it: hide it instead of removing it.</source>
        <translation>Keperluan &quot;{label}&quot; sudah pernah disimpan dan mungkin tercatat pada kunjungan lama: sembunyikan saja, jangan dihapus.</translation>
    </message>
    <message>
        <source>The list of age bands is damaged: restore the defaults.</source>
        <translation>Daftar kelompok umur rusak: kembalikan ke bawaan.</translation>
    </message>
    <message>
        <source>Age bands cannot be added, removed or recoded: the national statistics count exactly these four.</source>
        <translation>Kelompok umur tidak dapat ditambah, dihapus, atau diganti kodenya: statistik nasional menghitung tepat empat kelompok ini.</translation>
    </message>
    <message>
        <source>Fill in the name of age band {number}.</source>
        <translation>Isi nama kelompok umur ke-{number}.</translation>
    </message>
    <message>
        <source>The name of age band {number} is longer than {limit} characters.</source>
        <translation>Nama kelompok umur ke-{number} lebih dari {limit} karakter.</translation>
    </message>
    <message>
        <source>Two age bands are called &quot;{label}&quot;.</source>
        <translation>Ada dua kelompok umur bernama &quot;{label}&quot;.</translation>
    </message>
    <message>
        <source>The ages of the bands must be whole numbers.</source>
        <translation>Umur kelompok harus bilangan bulat.</translation>
    </message>
    <message>
        <source>The first age band must start at age 0.</source>
        <translation>Kelompok umur pertama harus dimulai dari umur 0.</translation>
    </message>
    <message>
        <source>&quot;{label}&quot; cannot start above the age of {limit}.</source>
        <translation>&quot;{label}&quot; tidak dapat dimulai di atas umur {limit}.</translation>
    </message>
    <message>
        <source>&quot;{label}&quot; must start at an older age than &quot;{previous}&quot;.</source>
        <translation>&quot;{label}&quot; harus dimulai pada umur yang lebih tua daripada &quot;{previous}&quot;.</translation>
    </message>
    <message>
        <source>The band &quot;{label}&quot; now covers the ages {ages}: change its name too.</source>
        <translation>Kelompok &quot;{label}&quot; sekarang mencakup umur {ages}: ubah juga namanya.</translation>
    </message>
    <message>
        <source>The member number {number} cannot be printed as a barcode: use only letters A to Z, digits and signs such as - or /.</source>
        <translation>Nomor anggota {number} tidak dapat dicetak sebagai barcode: gunakan hanya huruf A sampai Z, angka, dan tanda seperti - atau /.</translation>
    </message>
    <message>
        <source>Row {row}, {column}: {problem}</source>
        <translation>Baris {row}, {column}: {problem}</translation>
    </message>
    <message>
        <source>This is a SLiMS export. SLiMS keeps no record of consent: import it only if every member in it agreed on paper to how their data are kept.</source>
        <translation>Berkas ini hasil ekspor SLiMS. SLiMS tidak menyimpan catatan persetujuan: impor berkas ini hanya jika setiap anggota di dalamnya sudah menyetujui secara tertulis cara data mereka disimpan.</translation>
    </message>
    <message>
        <source>This is a SLiMS export, which keeps no record of consent. Confirm that every member in it agreed on paper to how their data are kept (on the command line: --consent-collected).</source>
        <translation>Berkas ini hasil ekspor SLiMS, yang tidak menyimpan catatan persetujuan. Konfirmasikan bahwa setiap anggota di dalamnya sudah menyetujui secara tertulis cara data mereka disimpan (di baris perintah: --consent-collected).</translation>
    </message>
    <message>
        <source>{file} is not a CSV or Excel (XLSX) file. Choose a .csv or .xlsx file.</source>
        <translation>{file} bukan berkas CSV atau Excel (XLSX). Pilih berkas .csv atau .xlsx.</translation>
    </message>
    <message>
        <source>{file} is an old Excel file (.xls). Open it in Excel and save it as .xlsx or CSV first.</source>
        <translation>{file} adalah berkas Excel versi lama (.xls). Buka dulu di Excel, lalu simpan sebagai .xlsx atau CSV.</translation>
    </message>
    <message>
        <source>{file} could not be read as an Excel workbook. Is it damaged?</source>
        <translation>{file} tidak dapat dibaca sebagai buku kerja Excel. Apakah berkasnya rusak?</translation>
    </message>
    <message>
        <source>{file} could not be opened: {reason}</source>
        <translation>{file} tidak dapat dibuka: {reason}</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} kosong.</translation>
    </message>
    <message>
        <source>{file} has a header row but no members under it.</source>
        <translation>{file} memiliki baris judul kolom, tetapi tidak ada data anggota di bawahnya.</translation>
    </message>
    <message>
        <source>{file} does not have the columns of the PerpusDesa member template or of a SLiMS member export. The first row must name the columns, such as nama, jenis_kelamin and persetujuan.</source>
        <translation>{file} tidak memiliki kolom templat anggota PerpusDesa atau kolom hasil ekspor anggota SLiMS. Baris pertama harus berisi nama kolom, misalnya nama, jenis_kelamin, dan persetujuan.</translation>
    </message>
    <message>
        <source>{file} lacks columns that are required: {columns}.</source>
        <translation>{file} tidak memiliki kolom wajib berikut: {columns}.</translation>
    </message>
    <message>
        <source>Nothing was imported: some rows have problems ({count}). Correct them, or skip the bad rows (on the command line: --skip-invalid).</source>
        <translation>Tidak ada yang diimpor: ada baris yang bermasalah ({count}). Perbaiki baris itu, atau lewati baris yang bermasalah (di baris perintah: --skip-invalid).</translation>
    </message>
    <message>
        <source>No row of the file can be imported.</source>
        <translation>Tidak ada baris dalam berkas yang dapat diimpor.</translation>
    </message>
    <message>
        <source>{value} is not a date. Write it as YYYY-MM-DD or DD/MM/YYYY, e.g. 2015-08-17.</source>
        <translation>{value} bukan tanggal. Tulis dengan format TTTT-BB-HH atau HH/BB/TTTT, misalnya 2015-08-17.</translation>
    </message>
    <message>
        <source>Write L for male or P for female (not {value}).</source>
        <translation>Tulis L untuk laki-laki atau P untuk perempuan (bukan {value}).</translation>
    </message>
    <message>
        <source>Write 1 for male or 0 for female (not {value}).</source>
        <translation>Tulis 1 untuk laki-laki atau 0 untuk perempuan (bukan {value}).</translation>
    </message>
    <message>
        <source>Write ya or tidak (not {value}).</source>
        <translation>Tulis ya atau tidak (bukan {value}).</translation>
    </message>
    <message>
        <source>This column must be filled in.</source>
        <translation>Kolom ini wajib diisi.</translation>
    </message>
    <message>
        <source>{value} is not in the list. Write one of: {choices}.</source>
        <translation>{value} tidak ada dalam daftar. Tulis salah satu dari: {choices}.</translation>
    </message>
    <message>
        <source>{value} is not a village code. Write it like 33.74.01.1001.</source>
        <translation>{value} bukan kode desa/kelurahan. Tulis seperti 33.74.01.1001.</translation>
    </message>
    <message>
        <source>The NIK was stored as a number, so Excel may have changed its last digits. Format the column as text and type the NIK again.</source>
        <translation>NIK tersimpan sebagai angka, sehingga Excel mungkin sudah mengubah angka-angka terakhirnya. Ubah format kolom itu menjadi teks, lalu ketik ulang NIK-nya.</translation>
    </message>
    <message>
        <source>The member number {number} is also on row {other}.</source>
        <translation>Nomor anggota {number} juga ada di baris {other}.</translation>
    </message>
    <message>
        <source>The member number {number} is already in use.</source>
        <translation>Nomor anggota {number} sudah dipakai.</translation>
    </message>
    <message>
        <source>This member is under 18, and SLiMS keeps no parent&apos;s or guardian&apos;s consent. Skip this row and register the child by hand, or import them with the PerpusDesa template.</source>
        <translation>Anggota ini berusia di bawah 18 tahun, dan SLiMS tidak menyimpan persetujuan orang tua/wali. Lewati baris ini dan daftarkan anak ini secara manual, atau impor dengan templat PerpusDesa.</translation>
    </message>
    <message>
        <source>To run your membership and loans, this library keeps on its own computer: your name, gender, date of birth, address, phone number, occupation and education, and, if you give them, your NIK and photo (for a child: the parent&apos;s or guardian&apos;s name too). They are never sent to the national server; only counts (by gender and age group) are. They are kept while you are a member. You may ask at any time to see them, to get a copy, or to have them erased.</source>
        <translation>Untuk mengelola keanggotaan dan peminjaman Anda, perpustakaan ini menyimpan di komputernya sendiri: nama, jenis kelamin, tanggal lahir, alamat, nomor telepon, pekerjaan, dan pendidikan Anda, serta NIK dan foto Anda jika Anda memberikannya (untuk anak: juga nama orang tua/wali). Data tersebut tidak pernah dikirim ke server nasional; yang dikirim hanya angka jumlah (menurut jenis kelamin dan kelompok umur). Data disimpan selama Anda menjadi anggota. Anda dapat meminta kapan saja untuk melihatnya, mendapatkan salinannya, atau menghapusnya.</translation>
    </message>
    <message>
        <source>The photo {path} could not be opened.</source>
        <translation>Foto {path} tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>The photo must be a JPEG or PNG picture.</source>
        <translation>Foto harus berupa gambar JPEG atau PNG.</translation>
    </message>
    <message>
        <source>The photo is larger than 2 MB. Choose a smaller one.</source>
        <translation>Foto lebih besar dari 2 MB. Pilih yang lebih kecil.</translation>
    </message>
    <message>
        <source>The member must agree to how their data are kept before they can be saved.</source>
        <translation>Data anggota baru dapat disimpan setelah anggota menyetujui cara datanya disimpan.</translation>
    </message>
    <message>
        <source>Fill in the member&apos;s name.</source>
        <translation>Isi nama anggota.</translation>
    </message>
    <message>
        <source>The name is too long (at most {max} characters).</source>
        <translation>Nama terlalu panjang (paling banyak {max} karakter).</translation>
    </message>
    <message>
        <source>Choose male or female.</source>
        <translation>Pilih laki-laki atau perempuan.</translation>
    </message>
    <message>
        <source>The registration date cannot be in the future.</source>
        <translation>Tanggal daftar tidak boleh setelah hari ini.</translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation>Tanggal lahir tidak boleh setelah hari ini.</translation>
    </message>
    <message>
        <source>The date of birth is more than {max} years ago. Check the year.</source>
        <translation>Tanggal lahir lebih dari {max} tahun yang lalu. Periksa tahunnya.</translation>
    </message>
    <message>
        <source>The date of birth is after the registration date.</source>
        <translation>Tanggal lahir jatuh setelah tanggal daftar.</translation>
    </message>
    <message>
        <source>Choose the member type.</source>
        <translation>Pilih jenis anggota.</translation>
    </message>
    <message>
        <source>A member under 18 needs the name and the consent of a parent or guardian.</source>
        <translation>Anggota yang berusia di bawah 18 tahun memerlukan nama dan persetujuan orang tua/wali.</translation>
    </message>
    <message>
        <source>The guardian&apos;s name is too long (at most {max} characters).</source>
        <translation>Nama orang tua/wali terlalu panjang (paling banyak {max} karakter).</translation>
    </message>
    <message>
        <source>Tick that the parent or guardian agrees, or leave their name out.</source>
        <translation>Centang “Orang tua/wali menyetujui”, atau kosongkan nama orang tua/wali.</translation>
    </message>
    <message>
        <source>RT and RW are numbers of up to 3 digits.</source>
        <translation>RT dan RW berupa angka, paling banyak 3 digit.</translation>
    </message>
    <message>
        <source>The village {code} is not in the official list of regions.</source>
        <translation>Desa/kelurahan {code} tidak ada dalam daftar wilayah resmi.</translation>
    </message>
    <message>
        <source>The phone number {phone} is not valid. Type it like 081234567890.</source>
        <translation>Nomor telepon {phone} tidak valid. Ketik seperti 081234567890.</translation>
    </message>
    <message>
        <source>The NIK must be the 16 digits on the KTP.</source>
        <translation>NIK harus berupa 16 angka yang tertera di KTP.</translation>
    </message>
    <message>
        <source>Choose an occupation from the list.</source>
        <translation>Pilih pekerjaan dari daftar.</translation>
    </message>
    <message>
        <source>Choose an education level from the list.</source>
        <translation>Pilih tingkat pendidikan dari daftar.</translation>
    </message>
    <message>
        <source>The membership cannot end before the registration date.</source>
        <translation>Masa berlaku keanggotaan tidak boleh berakhir sebelum tanggal daftar.</translation>
    </message>
    <message>
        <source>A member number may have up to 30 letters, digits, dashes, dots or slashes.</source>
        <translation>Nomor anggota boleh berisi paling banyak 30 huruf, angka, tanda hubung, titik, atau garis miring.</translation>
    </message>
    <message>
        <source>Your role may not register members.</source>
        <translation>Peran Anda tidak berwenang mendaftarkan anggota.</translation>
    </message>
    <message>
        <source>Your role may not change members&apos; data.</source>
        <translation>Peran Anda tidak berwenang mengubah data anggota.</translation>
    </message>
    <message>
        <source>Your role may not renew memberships.</source>
        <translation>Peran Anda tidak berwenang memperpanjang keanggotaan.</translation>
    </message>
    <message>
        <source>Your role may not erase members.</source>
        <translation>Peran Anda tidak berwenang menghapus data anggota.</translation>
    </message>
    <message>
        <source>Your role may not export members&apos; data.</source>
        <translation>Peran Anda tidak berwenang mengekspor data anggota.</translation>
    </message>
    <message>
        <source>The file {path} could not be written: {reason}</source>
        <translation>Berkas {path} tidak dapat ditulis: {reason}</translation>
    </message>
    <message>
        <source>This member no longer exists.</source>
        <translation>Anggota ini sudah tidak ada.</translation>
    </message>
    <message>
        <source>This member&apos;s data were erased; nothing can be changed.</source>
        <translation>Data anggota ini sudah dihapus; tidak ada yang dapat diubah.</translation>
    </message>
    <message>
        <source>{name} already checked in {minutes} min ago.</source>
        <translation>{name} sudah tercatat berkunjung {minutes} menit yang lalu.</translation>
    </message>
    <message>
        <source>Your role may not record visits.</source>
        <translation>Peran Anda tidak berwenang mencatat kunjungan.</translation>
    </message>
    <message>
        <source>That visit no longer exists.</source>
        <translation>Kunjungan tersebut sudah tidak ada.</translation>
    </message>
    <message>
        <source>Your role may change only the visits typed in today.</source>
        <translation>Peran Anda hanya berwenang mengubah kunjungan yang diketik hari ini.</translation>
    </message>
    <message>
        <source>Your role may not delete visits.</source>
        <translation>Peran Anda tidak berwenang menghapus kunjungan.</translation>
    </message>
    <message>
        <source>Scan the card or type the member number.</source>
        <translation>Pindai kartu atau ketik nomor anggota.</translation>
    </message>
    <message>
        <source>The barcode {barcode} is not in the catalogue.</source>
        <translation>Kode batang {barcode} tidak ada di katalog.</translation>
    </message>
    <message>
        <source>Your role may not lend or take back items.</source>
        <translation>Peran Anda tidak boleh meminjamkan atau menerima pengembalian buku.</translation>
    </message>
    <message>
        <source>Scan or type a member number or a barcode.</source>
        <translation>Pindai atau ketik nomor anggota atau kode batang.</translation>
    </message>
    <message>
        <source>No member and no item in the catalogue has the code {code}.</source>
        <translation>Tidak ada anggota maupun eksemplar di katalog dengan kode {code}.</translation>
    </message>
    <message>
        <source>Scan the member&apos;s card first, then the items to lend.</source>
        <translation>Pindai dulu kartu anggota, lalu buku yang akan dipinjam.</translation>
    </message>
    <message>
        <source>The member is no longer in the list.</source>
        <translation>Anggota ini sudah tidak ada di daftar.</translation>
    </message>
    <message>
        <source>Member {number} is no longer active and cannot borrow.</source>
        <translation>Anggota {number} sudah tidak aktif dan tidak dapat meminjam.</translation>
    </message>
    <message>
        <source>The membership of {name} ({number}) ended on {date}. Renew it first.</source>
        <translation>Keanggotaan {name} ({number}) berakhir pada {date}. Perpanjang dulu.</translation>
    </message>
    <message>
        <source>There is no member with the number {number}.</source>
        <translation>Tidak ada anggota dengan nomor {number}.</translation>
    </message>
    <message>
        <source>The item {barcode} is marked {status} and cannot be lent.</source>
        <translation>Eksemplar {barcode} berstatus {status} dan tidak dapat dipinjamkan.</translation>
    </message>
    <message>
        <source>The item {barcode} is already on loan. Take it back first.</source>
        <translation>Eksemplar {barcode} sedang dipinjam. Terima pengembaliannya dulu.</translation>
    </message>
    <message>
        <source>{name} already has {count} items on loan, the most allowed.</source>
        <translation>{name} sudah meminjam {count} buku, batas yang diizinkan.</translation>
    </message>
    <message>
        <source>The item {barcode} is not on loan.</source>
        <translation>Eksemplar {barcode} tidak sedang dipinjam.</translation>
    </message>
    <message>
        <source>This loan no longer exists.</source>
        <translation>Peminjaman ini sudah tidak ada.</translation>
    </message>
    <message>
        <source>This item was already returned.</source>
        <translation>Buku ini sudah dikembalikan.</translation>
    </message>
    <message>
        <source>Renewed {count} times already, the most allowed: the item must come back.</source>
        <translation>Sudah diperpanjang {count} kali, batas yang diizinkan: buku harus dikembalikan.</translation>
    </message>
    <message>
        <source>This item is {days} days late and cannot be renewed. It must come back.</source>
        <translation>Buku ini terlambat {days} hari dan tidak dapat diperpanjang. Buku harus dikembalikan.</translation>
    </message>
    <message>
        <source>The data of member {number} was erased; they cannot check in.</source>
        <translation>Data anggota {number} sudah dihapus; kunjungannya tidak dapat dicatat.</translation>
    </message>
    <message>
        <source>The membership of {name} ({number}) has been ended.</source>
        <translation>Keanggotaan {name} ({number}) sudah dinonaktifkan.</translation>
    </message>
    <message>
        <source>The membership of {name} ({number}) has expired. Renew it first.</source>
        <translation>Masa berlaku keanggotaan {name} ({number}) sudah habis. Perpanjang dulu.</translation>
    </message>
    <message>
        <source>The gender of member {number} is missing. Complete the member first.</source>
        <translation>Jenis kelamin anggota {number} belum diisi. Lengkapi dulu data anggota ini.</translation>
    </message>
    <message>
        <source>This text is too long (at most {limit} characters).</source>
        <translation>Teks ini terlalu panjang (paling banyak {limit} karakter).</translation>
    </message>
    <message>
        <source>Fill in a whole number.</source>
        <translation>Isi bilangan bulat.</translation>
    </message>
    <message>
        <source>A number of people cannot be negative.</source>
        <translation>Jumlah orang tidak boleh kurang dari 0.</translation>
    </message>
    <message>
        <source>More than {max} people in one group? Check the number.</source>
        <translation>Lebih dari {max} orang dalam satu rombongan? Periksa jumlahnya.</translation>
    </message>
    <message>
        <source>Choose member, guest or group.</source>
        <translation>Pilih anggota, tamu, atau rombongan.</translation>
    </message>
    <message>
        <source>The visit time lies in the future.</source>
        <translation>Waktu kunjungan tidak boleh setelah waktu sekarang.</translation>
    </message>
    <message>
        <source>Choose the visitor&apos;s gender.</source>
        <translation>Pilih jenis kelamin pengunjung.</translation>
    </message>
    <message>
        <source>Choose the visitor&apos;s age group.</source>
        <translation>Pilih kelompok umur pengunjung.</translation>
    </message>
    <message>
        <source>Unknown occupation {code}.</source>
        <translation>Pekerjaan {code} tidak dikenal.</translation>
    </message>
    <message>
        <source>Fill in the name of the group or institution.</source>
        <translation>Isi nama rombongan atau instansi.</translation>
    </message>
    <message>
        <source>A phone number may have only digits, spaces and +.</source>
        <translation>Nomor telepon hanya boleh berisi angka, spasi, dan +.</translation>
    </message>
    <message>
        <source>Fill in how many men and women came in the group.</source>
        <translation>Isi jumlah laki-laki dan perempuan dalam rombongan.</translation>
    </message>
    <message>
        <source>The age groups add up to {by_age} people, but men and women to {total}.</source>
        <translation>Jumlah menurut kelompok umur {by_age} orang, tetapi jumlah laki-laki dan perempuan {total} orang.</translation>
    </message>
    <message>
        <source>Unknown purpose {code}.</source>
        <translation>Keperluan {code} tidak dikenal.</translation>
    </message>
    <message>
        <source>Choose at least one purpose of the visit.</source>
        <translation>Pilih paling sedikit satu keperluan kunjungan.</translation>
    </message>
    <message>
        <source>Unknown age group {code}.</source>
        <translation>Kelompok umur {code} tidak dikenal.</translation>
    </message>
    <message>
        <source>Choose a village from the list or type another place, not both.</source>
        <translation>Pilih desa/kelurahan dari daftar atau ketik tempat lain, jangan keduanya.</translation>
    </message>
    <message>
        <source>Choose a village of this sub-district, or choose Other and type the place.</source>
        <translation>Pilih desa/kelurahan di kecamatan ini, atau pilih Tempat lain lalu ketik nama tempatnya.</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Tamu</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Rombongan</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Name or group</source>
        <translation>Nama atau rombongan</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>Kelompok umur</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Jumlah orang</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Keperluan</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>Kartu anggota</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Tanpa batas waktu</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>No. anggota</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <source>Choose at least one member.</source>
        <translation>Pilih paling sedikit satu anggota.</translation>
    </message>
    <message>
        <source>The file {path} could not be written. Choose another folder.</source>
        <translation>Berkas {path} tidak dapat ditulis. Pilih folder lain.</translation>
    </message>
    <message>
        <source>Member cards</source>
        <translation>Kartu anggota</translation>
    </message>
    <message>
        <source>The file {path} could not be written. Is it open in another program? Close it and try again.</source>
        <translation>Berkas {path} tidak dapat ditulis. Apakah berkas itu sedang dibuka di program lain? Tutup program itu, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is on and try again.</source>
        <translation>Printer tidak dapat dijalankan. Pastikan printer menyala, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Lent on</source>
        <translation>Tanggal pinjam</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Harus kembali</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Tanggal kembali</translation>
    </message>
    <message>
        <source>PerpusDesa member template</source>
        <translation>Templat anggota PerpusDesa</translation>
    </message>
    <message>
        <source>SLiMS member export</source>
        <translation>Hasil ekspor anggota SLiMS</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>This title is already in the catalogue: {title}</source>
        <translation>Judul ini sudah ada di katalog: {title}</translation>
    </message>
    <message>
        <source>{isbn} is not a valid ISBN. Check the digits (10 or 13, the last may be X).</source>
        <translation>{isbn} bukan ISBN yang sah. Periksa angkanya (10 atau 13 digit, digit terakhir boleh X).</translation>
    </message>
    <message>
        <source>{ddc} is not a DDC class. Use three digits with optional decimals, such as 297.1, or 2X0 to 2X9 for Islam, such as 2X4.3.</source>
        <translation>{ddc} bukan nomor kelas DDC. Gunakan tiga angka, boleh dengan desimal, misalnya 297.1, atau 2X0 sampai 2X9 untuk Islam, misalnya 2X4.3.</translation>
    </message>
    <message>
        <source>This is too long (at most {max} characters).</source>
        <translation>Isian ini terlalu panjang (paling banyak {max} karakter).</translation>
    </message>
    <message>
        <source>Fill in the title.</source>
        <translation>Isi judulnya.</translation>
    </message>
    <message>
        <source>The year must be between {first} and {last}.</source>
        <translation>Tahun harus antara {first} dan {last}.</translation>
    </message>
    <message>
        <source>Give the language as a code of two or three letters, such as ind.</source>
        <translation>Tulis bahasa sebagai kode dua atau tiga huruf, misalnya ind.</translation>
    </message>
    <message>
        <source>Choose the kind of material.</source>
        <translation>Pilih jenis bahan pustaka.</translation>
    </message>
    <message>
        <source>Choose the readers: children, teens or adults.</source>
        <translation>Pilih sasaran pembaca: anak, remaja, atau dewasa.</translation>
    </message>
    <message>
        <source>A barcode may have up to 30 letters, digits, dashes, dots or slashes.</source>
        <translation>Kode batang boleh berisi paling banyak 30 huruf, angka, tanda hubung, titik, atau garis miring.</translation>
    </message>
    <message>
        <source>The acquisition date cannot be in the future.</source>
        <translation>Tanggal pengadaan tidak boleh di masa depan.</translation>
    </message>
    <message>
        <source>Choose where the copy came from.</source>
        <translation>Pilih asal eksemplar.</translation>
    </message>
    <message>
        <source>Choose the copy&apos;s condition.</source>
        <translation>Pilih kondisi eksemplar.</translation>
    </message>
    <message>
        <source>Choose the copy&apos;s status.</source>
        <translation>Pilih status eksemplar.</translation>
    </message>
    <message>
        <source>This copy is on loan. Take it back before changing its status.</source>
        <translation>Eksemplar ini sedang dipinjam. Terima pengembaliannya sebelum mengubah statusnya.</translation>
    </message>
    <message>
        <source>A copy becomes on loan by lending it at the circulation desk.</source>
        <translation>Eksemplar menjadi berstatus dipinjam hanya lewat peminjaman di meja sirkulasi.</translation>
    </message>
    <message>
        <source>Your role may not add to the catalogue.</source>
        <translation>Peran Anda tidak boleh menambah katalog.</translation>
    </message>
    <message>
        <source>The number of copies must be 0 to {max}.</source>
        <translation>Jumlah eksemplar harus 0 sampai {max}.</translation>
    </message>
    <message>
        <source>A barcode typed by hand is for one copy only; leave it empty.</source>
        <translation>Kode batang yang diketik sendiri hanya untuk satu eksemplar; kosongkan saja.</translation>
    </message>
    <message>
        <source>Your role may not change the catalogue.</source>
        <translation>Peran Anda tidak boleh mengubah katalog.</translation>
    </message>
    <message>
        <source>Your role may not delete from the catalogue.</source>
        <translation>Peran Anda tidak boleh menghapus dari katalog.</translation>
    </message>
    <message>
        <source>A copy of this title is on loan. Take it back before deleting the title.</source>
        <translation>Salah satu eksemplar judul ini sedang dipinjam. Terima pengembaliannya sebelum menghapus judul.</translation>
    </message>
    <message>
        <source>This copy is on loan. Take it back before deleting it.</source>
        <translation>Eksemplar ini sedang dipinjam. Terima pengembaliannya sebelum menghapusnya.</translation>
    </message>
    <message>
        <source>The barcode {barcode} is already in use.</source>
        <translation>Kode batang {barcode} sudah dipakai.</translation>
    </message>
    <message>
        <source>This title no longer exists.</source>
        <translation>Judul ini sudah tidak ada.</translation>
    </message>
    <message>
        <source>This copy no longer exists.</source>
        <translation>Eksemplar ini sudah tidak ada.</translation>
    </message>
    <message>
        <source>Record {number}: skipped: {reason}</source>
        <translation>Rekaman {number}: dilewati: {reason}</translation>
    </message>
    <message>
        <source>Record {number}: warning: {reason}</source>
        <translation>Rekaman {number}: peringatan: {reason}</translation>
    </message>
    <message>
        <source>The file {file} cannot be read: {reason}</source>
        <translation>Berkas {file} tidak dapat dibaca: {reason}</translation>
    </message>
    <message>
        <source>The file {file} is empty.</source>
        <translation>Berkas {file} kosong.</translation>
    </message>
    <message>
        <source>The file {file} is not a MARC 21 (ISO 2709) file. Choose a .mrc file, or MARCXML for an .xml file.</source>
        <translation>Berkas {file} bukan berkas MARC 21 (ISO 2709). Pilih berkas .mrc, atau MARCXML untuk berkas .xml.</translation>
    </message>
    <message>
        <source>The file {file} is cut short: its first record is incomplete. Export or copy it again.</source>
        <translation>Berkas {file} terpotong: rekaman pertamanya tidak lengkap. Ekspor atau salin ulang berkasnya.</translation>
    </message>
    <message>
        <source>not a valid MARC record (bad leader)</source>
        <translation>bukan rekaman MARC yang sah (leader rusak)</translation>
    </message>
    <message>
        <source>the file ends in the middle of this record</source>
        <translation>berkas berakhir di tengah rekaman ini</translation>
    </message>
    <message>
        <source>damaged MARC record ({detail})</source>
        <translation>rekaman MARC rusak ({detail})</translation>
    </message>
    <message>
        <source>The file {file} is not a readable MARCXML file: {reason}</source>
        <translation>Berkas {file} bukan berkas MARCXML yang dapat dibaca: {reason}</translation>
    </message>
    <message>
        <source>The file {file} holds no MARC records.</source>
        <translation>Berkas {file} tidak berisi rekaman MARC.</translation>
    </message>
    <message>
        <source>no title (field 245 $a)</source>
        <translation>tidak ada judul (ruas 245 $a)</translation>
    </message>
    <message>
        <source>invalid ISBN {isbn} left out</source>
        <translation>ISBN {isbn} tidak sah, tidak disimpan</translation>
    </message>
    <message>
        <source>The file {file} is not a CSV file.</source>
        <translation>Berkas {file} bukan berkas CSV.</translation>
    </message>
    <message>
        <source>The file {file} is not a SLiMS bibliography export: the column {columns} is missing.</source>
        <translation>Berkas {file} bukan hasil ekspor bibliografi SLiMS: kolom {columns} tidak ada.</translation>
    </message>
    <message>
        <source>no title</source>
        <translation>tidak ada judul</translation>
    </message>
    <message>
        <source>Only a manager or an administrator can import the catalogue.</source>
        <translation>Hanya pengelola atau administrator yang dapat mengimpor katalog.</translation>
    </message>
    <message>
        <source>barcode {barcode} is already in use or too long; the copy got {new}</source>
        <translation>kode batang {barcode} sudah dipakai atau terlalu panjang; eksemplar mendapat kode {new}</translation>
    </message>
</context>
<context>
    <name>PurposesDialog</name>
    <message>
        <source>Visit purposes</source>
        <translation>Keperluan kunjungan</translation>
    </message>
    <message>
        <source>The guestbook and the self check-in offer the ticked purposes. Untick one to stop offering it: old visits keep it. Double-click a name or press F2 to rename it.</source>
        <translation>Buku tamu dan Mode Mandiri menawarkan keperluan yang dicentang. Hapus centang untuk berhenti menawarkannya: kunjungan lama tetap menyimpannya. Klik dua kali sebuah nama atau tekan F2 untuk mengganti namanya.</translation>
    </message>
    <message>
        <source>&amp;Purposes</source>
        <translation>&amp;Daftar keperluan</translation>
    </message>
    <message>
        <source>For example: Posyandu for toddlers</source>
        <translation>Contoh: Posyandu balita</translation>
    </message>
    <message>
        <source>&amp;New purpose:</source>
        <translation>Keperluan &amp;baru:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Only a purpose added now can be removed; a saved one can be unticked.</source>
        <translation>Hanya keperluan yang baru ditambahkan yang dapat dihapus; yang sudah tersimpan dapat dihapus centangnya.</translation>
    </message>
    <message>
        <source>Type the name of the new purpose first.</source>
        <translation>Ketik dulu nama keperluan baru.</translation>
    </message>
</context>
<context>
    <name>PurposesModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Ditawarkan</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>disembunyikan</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>ditawarkan</translation>
    </message>
    <message>
        <source>New: its code is made from the name when you save.</source>
        <translation>Baru: kodenya dibuat dari nama saat disimpan.</translation>
    </message>
    <message>
        <source>Counted by the national statistics: it can be renamed or hidden, not removed.</source>
        <translation>Dihitung dalam statistik nasional: dapat diganti namanya atau disembunyikan, tidak dapat dihapus.</translation>
    </message>
    <message>
        <source>Your library&apos;s own purpose: it can be renamed or hidden.</source>
        <translation>Keperluan khusus perpustakaan Anda: dapat diganti namanya atau disembunyikan.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source> minutes</source>
        <translation> menit</translation>
    </message>
    <message>
        <source> months</source>
        <translation> bulan</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>F4 (215 × 330 mm)</source>
        <translation>F4 (215 × 330 mm)</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Lock after idle</source>
        <translation>Kunci &amp;otomatis setelah</translation>
    </message>
    <message>
        <source>&amp;Paper for reports</source>
        <translation>Kertas &amp;laporan</translation>
    </message>
    <message>
        <source>A member who checks in again within this time is asked before a second visit is recorded.</source>
        <translation>Anggota yang masuk lagi dalam waktu ini ditanya dulu sebelum kunjungan kedua dicatat.</translation>
    </message>
    <message>
        <source>After this time the names of visitors who are not members are removed; the counts stay.</source>
        <translation>Setelah waktu ini, nama pengunjung yang bukan anggota dihapus; jumlahnya tetap tercatat.</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>tanpa batas waktu</translation>
    </message>
    <message>
        <source>Guestbook and members</source>
        <translation>Buku tamu dan anggota</translation>
    </message>
    <message>
        <source>Ask before a &amp;repeat check-in within</source>
        <translation>Tanya dulu bila &amp;masuk lagi dalam</translation>
    </message>
    <message>
        <source>Keep &amp;guests&apos; names for</source>
        <translation>Simpan nama &amp;tamu selama</translation>
    </message>
    <message>
        <source>&amp;Membership valid for</source>
        <translation>Ang&amp;gota berlaku selama</translation>
    </message>
    <message>
        <source>Visi&amp;t purposes...</source>
        <translation>Keperluan kun&amp;jungan...</translation>
    </message>
    <message>
        <source>Age &amp;bands...</source>
        <translation>Kelompok &amp;umur...</translation>
    </message>
    <message>
        <source>Guestbook choices</source>
        <translation>Pilihan buku tamu</translation>
    </message>
    <message>
        <source>Library profile</source>
        <translation>Profil perpustakaan</translation>
    </message>
    <message>
        <source>Library &amp;name</source>
        <translation>&amp;Nama perpustakaan</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Alamat</translation>
    </message>
    <message>
        <source>NPP (library number)</source>
        <translation>NPP (Nomor Pokok Perpustakaan)</translation>
    </message>
    <message>
        <source>Head of the &amp;library</source>
        <translation>Kepala &amp;Perpustakaan</translation>
    </message>
    <message>
        <source>&amp;Village head</source>
        <translation>Kepala &amp;Desa/Lurah</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Simpan pengaturan</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>The settings were saved.</source>
        <translation>Pengaturan sudah disimpan.</translation>
    </message>
</context>
<context>
    <name>StaffUnlockDialog</name>
    <message>
        <source>Staff only</source>
        <translation>Khusus petugas</translation>
    </message>
    <message>
        <source>Type a staff password to leave the self check-in.</source>
        <translation>Ketik kata sandi petugas untuk keluar dari Mode Mandiri.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Kata &amp;sandi</translation>
    </message>
    <message>
        <source>&amp;Leave self check-in</source>
        <translation>&amp;Keluar dari Mode Mandiri</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>Menghentikan...</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <source>Change user</source>
        <translation>Ubah pengguna</translation>
    </message>
    <message>
        <source>Account is active</source>
        <translation>Akun aktif</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nama &amp;lengkap</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Peran</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
    <message>
        <source>R&amp;epeat password</source>
        <translation>&amp;Ulangi kata sandi</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users of this PC</source>
        <translation>Pengguna komputer ini</translation>
    </message>
    <message>
        <source>Administrators can do everything. Managers do all daily work and reports. Volunteers record visits, loans and activities, and cannot delete or change settings.</source>
        <translation>Administrator dapat melakukan semua hal. Pengelola mengerjakan semua pekerjaan harian dan laporan. Relawan mencatat kunjungan, peminjaman, dan kegiatan, tetapi tidak dapat menghapus data atau mengubah pengaturan.</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Tambah pengguna</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;Ubah</translation>
    </message>
    <message>
        <source>Set &amp;password</source>
        <translation>Atur kata &amp;sandi</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Change visit</source>
        <translation>Ubah kunjungan</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Si&amp;mpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Waktu</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Kunci</translation>
    </message>
    <message>
        <source>Lock the program (Ctrl+L) so that the next person logs in</source>
        <translation>Kunci program (Ctrl+L) agar orang berikutnya masuk dengan akunnya sendiri</translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
</context>
</TS>
