<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About PerpusDesa</source>
        <translation>Tentang PerpusDesa</translation>
    </message>
    <message>
        <source>PerpusDesa</source>
        <translation>PerpusDesa</translation>
    </message>
    <message>
        <source>The program of the village library</source>
        <translation>Program perpustakaan desa</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Buka folder</translation>
    </message>
    <message>
        <source>Python {python}, Qt {qt} (PySide6 {pyside})</source>
        <translation>Python {python}, Qt {qt} (PySide6 {pyside})</translation>
    </message>
    <message>
        <source>Free software: you may use, copy and share it under the GNU General Public License, version 3 or later.</source>
        <translation>Perangkat lunak bebas: boleh dipakai, disalin, dan dibagikan menurut GNU General Public License versi 3 atau yang lebih baru.</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versi:</translation>
    </message>
    <message>
        <source>Library:</source>
        <translation>Perpustakaan:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Folder data:</translation>
    </message>
    <message>
        <source>Database size:</source>
        <translation>Ukuran basis data:</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>Berjalan di:</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} GB</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Activities</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Previous month (Page Up)</source>
        <translation>Bulan sebelumnya (Page Up)</translation>
    </message>
    <message>
        <source>Next month (Page Down)</source>
        <translation>Bulan berikutnya (Page Down)</translation>
    </message>
    <message>
        <source>This mon&amp;th</source>
        <translation>Bulan &amp;ini</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Daftar</translation>
    </message>
    <message>
        <source>&amp;New activity…</source>
        <translation>Kegiatan &amp;baru…</translation>
    </message>
    <message>
        <source>Plan or record an activity (Ctrl+N)</source>
        <translation>Rencanakan atau catat kegiatan (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>B&amp;uka…</translation>
    </message>
    <message>
        <source>&amp;Cancel activity</source>
        <translation>Batal&amp;kan kegiatan</translation>
    </message>
    <message>
        <source>Plan next &amp;session…</source>
        <translation>Rencanakan &amp;sesi berikutnya…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>Ka&amp;tegori</translation>
    </message>
    <message>
        <source>St&amp;rategy</source>
        <translation>St&amp;rategi</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <source>All strategies</source>
        <translation>Semua strategi</translation>
    </message>
    <message>
        <source>This month: {held} held with {people} people ({men} men, {women} women), {planned} planned, {cancelled} cancelled.</source>
        <translation>Bulan ini: {held} terlaksana dengan {people} peserta ({men} laki-laki, {women} perempuan), {planned} direncanakan, {cancelled} dibatalkan.</translation>
    </message>
    <message>
        <source>Cancel activity</source>
        <translation>Batalkan kegiatan</translation>
    </message>
    <message>
        <source>Cancel “{title}”? It stays in the calendar as cancelled and counts nowhere.</source>
        <translation>Batalkan “{title}”? Kegiatan ini tetap tampil di kalender dengan tanda dibatalkan dan tidak dihitung dalam laporan mana pun.</translation>
    </message>
    <message>
        <source>Cancel the activity</source>
        <translation>Batalkan kegiatan ini</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Jangan dibatalkan</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>Hapus kegiatan</translation>
    </message>
    <message>
        <source>Delete “{title}”? It disappears from the calendar, the list and every report.</source>
        <translation>Hapus “{title}”? Kegiatan ini akan hilang dari kalender, daftar, dan semua laporan.</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>New activity</source>
        <translation>Kegiatan baru</translation>
    </message>
    <message>
        <source>Activity: {title}</source>
        <translation>Kegiatan: {title}</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>facilitator or resource person</source>
        <translation>narasumber atau fasilitator</translation>
    </message>
    <message>
        <source>Fill from &amp;attendance…</source>
        <translation>Isi dari daftar &amp;hadir…</translation>
    </message>
    <message>
        <source>Add &amp;photo…</source>
        <translation>Tambah &amp;foto…</translation>
    </message>
    <message>
        <source>Remo&amp;ve photo</source>
        <translation>Hapus f&amp;oto</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Judul</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>Je&amp;nis</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Kategori</translation>
    </message>
    <message>
        <source>St&amp;rategy</source>
        <translation>St&amp;rategi</translation>
    </message>
    <message>
        <source>Target &amp;group</source>
        <translation>Ke&amp;lompok sasaran</translation>
    </message>
    <message>
        <source>fro&amp;m</source>
        <translation>&amp;dari</translation>
    </message>
    <message>
        <source>&amp;until</source>
        <translation>sam&amp;pai</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Tanggal</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>T&amp;empat</translation>
    </message>
    <message>
        <source>&amp;Facilitator</source>
        <translation>Narasum&amp;ber</translation>
    </message>
    <message>
        <source>Pa&amp;rtners</source>
        <translation>M&amp;itra</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>&amp;Uraian</translation>
    </message>
    <message>
        <source>&amp;Outcomes</source>
        <translation>H&amp;asil</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Stakeholder meeting</source>
        <translation>Pertemuan pemangku kepentingan</translation>
    </message>
    <message>
        <source>Representatives who came, by kind:</source>
        <translation>Perwakilan yang hadir, menurut jenisnya:</translation>
    </message>
    <message>
        <source>Co&amp;mmitments made</source>
        <translation>Komitmen yan&amp;g disepakati</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Pelatihan</translation>
    </message>
    <message>
        <source>Libraries the trainees came from</source>
        <translation>Jumlah perpustakaan asal peserta pelatihan</translation>
    </message>
    <message>
        <source>The trainees themselves are counted in the participant grid.</source>
        <translation>Peserta pelatihan sendiri dihitung di tabel peserta.</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto</translation>
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
        <source>Your role may change only planned activities and those typed in today.</source>
        <translation>Peran Anda hanya berwenang mengubah kegiatan yang masih direncanakan dan kegiatan yang diketik hari ini.</translation>
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
    <name>AttendanceDialog</name>
    <message>
        <source>Fill from attendance</source>
        <translation>Isi dari daftar hadir</translation>
    </message>
    <message>
        <source>Type a name or member number, then Enter</source>
        <translation>Ketik nama atau nomor anggota, lalu tekan Enter</translation>
    </message>
    <message>
        <source>Add &amp;member</source>
        <translation>Tambah &amp;anggota</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>boleh dikosongkan</translation>
    </message>
    <message>
        <source>Add &amp;guests</source>
        <translation>Tambah &amp;tamu</translation>
    </message>
    <message>
        <source>&amp;Remove from the list</source>
        <translation>&amp;Hapus dari daftar</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Tamu</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>Na&amp;ma</translation>
    </message>
    <message>
        <source>Gen&amp;der</source>
        <translation>Jenis &amp;kelamin</translation>
    </message>
    <message>
        <source>A&amp;ge group</source>
        <translation>Kelompok &amp;umur</translation>
    </message>
    <message>
        <source>Ho&amp;w many</source>
        <translation>&amp;Jumlah</translation>
    </message>
    <message>
        <source>&amp;Who came</source>
        <translation>&amp;Yang hadir</translation>
    </message>
    <message>
        <source>&amp;Fill the grid</source>
        <translation>&amp;Isi tabel</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>No member found</source>
        <translation>Tidak ada anggota yang ditemukan</translation>
    </message>
    <message>
        <source>{name} is on the list already.</source>
        <translation>{name} sudah ada di daftar.</translation>
    </message>
    <message>
        <source>Guest: {gender}, {band}</source>
        <translation>Tamu: {gender}, {band}</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} orang</translation>
    </message>
</context>
<context>
    <name>BerandaPage</name>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Visitors today</source>
        <translation>Pengunjung hari ini</translation>
    </message>
    <message>
        <source>Books on loan now</source>
        <translation>Buku yang sedang dipinjam</translation>
    </message>
    <message>
        <source>Loans overdue</source>
        <translation>Pinjaman terlambat</translation>
    </message>
    <message>
        <source>Loans this month</source>
        <translation>Peminjaman bulan ini</translation>
    </message>
    <message>
        <source>Activities held this month</source>
        <translation>Kegiatan terlaksana bulan ini</translation>
    </message>
    <message>
        <source>Activity participants this month</source>
        <translation>Peserta kegiatan bulan ini</translation>
    </message>
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
        <source>Visitors in the last 30 days</source>
        <translation>Pengunjung 30 hari terakhir</translation>
    </message>
    <message>
        <source>Today&apos;s activities</source>
        <translation>Kegiatan hari ini</translation>
    </message>
    <message>
        <source>Planned for the next 7 days</source>
        <translation>Rencana 7 hari ke depan</translation>
    </message>
    <message>
        <source>This month, compared with last month</source>
        <translation>Bulan ini, dibandingkan dengan bulan lalu</translation>
    </message>
    <message>
        <source>The library</source>
        <translation>Perpustakaan</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>Hari ini, {date}</translation>
    </message>
    <message>
        <source>{male} male, {female} female</source>
        <translation>{male} laki-laki, {female} perempuan</translation>
    </message>
    <message>
        <source>past their due date</source>
        <translation>melewati batas kembali</translation>
    </message>
    <message>
        <source>Last month: {count}</source>
        <translation>Bulan lalu: {count}</translation>
    </message>
    <message>
        <source>No activities today.</source>
        <translation>Tidak ada kegiatan hari ini.</translation>
    </message>
    <message>
        <source>Nothing planned yet.</source>
        <translation>Belum ada rencana kegiatan.</translation>
    </message>
    <message>
        <source>{time}  {title} ({place})</source>
        <translation>{time}  {title} ({place})</translation>
    </message>
    <message>
        <source>{time}  {title}</source>
        <translation>{time}  {title}</translation>
    </message>
    <message>
        <source>{day}, {time}  {title}</source>
        <translation>{day}, {time}  {title}</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>Belum ada cadangan yang dibuat.</translation>
    </message>
    <message>
        <source>Last backup: {when}, checked.</source>
        <translation>Cadangan terakhir: {when}, sudah diperiksa.</translation>
    </message>
    <message>
        <source>No USB stick or second drive is chosen for backups. If this PC is lost, the data is lost with it: choose one in Settings.</source>
        <translation>Belum ada flashdisk atau drive kedua untuk cadangan. Jika PC ini hilang, datanya ikut hilang: pilih di Pengaturan.</translation>
    </message>
    <message>
        <source>No backup on the USB stick or second drive for {days} days. Plug it in: the next backup is copied onto it.</source>
        <translation>Belum ada cadangan di flashdisk atau drive kedua selama {days} hari. Colokkan: cadangan berikutnya disalin ke sana.</translation>
    </message>
    <message>
        <source>Last copy there: {when}.</source>
        <translation>Salinan terakhir di sana: {when}.</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: {count}. Never synced yet.</source>
        <translation>Perubahan yang menunggu dikirim: {count}. Belum pernah disinkronkan.</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: {count}. Last successful sync: {date}, {time}.</source>
        <translation>Perubahan yang menunggu dikirim: {count}. Sinkronisasi terakhir yang berhasil: {date}, pukul {time}.</translation>
    </message>
    <message>
        <source>Visitors this month</source>
        <translation>Pengunjung bulan ini</translation>
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
    <name>CatalogImportDialog</name>
    <message>
        <source>Import catalogue records</source>
        <translation>Impor data katalog</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Pili&amp;h…</translation>
    </message>
    <message>
        <source>Check the fi&amp;le</source>
        <translation>Periksa &amp;berkas</translation>
    </message>
    <message>
        <source>A record of a book already in the catalogue (the same ISBN, else the same title, first author and year) adds its copies to that title.</source>
        <translation>Data buku yang sudah ada di katalog (ISBN sama, atau jika tidak ada ISBN: judul, pengarang pertama, dan tahun sama) akan menambahkan eksemplarnya ke judul tersebut.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>Be&amp;rkas</translation>
    </message>
    <message>
        <source>&amp;Kind of file</source>
        <translation>&amp;Jenis berkas</translation>
    </message>
    <message>
        <source>&amp;Copies came from</source>
        <translation>&amp;Asal eksemplar</translation>
    </message>
    <message>
        <source>Checking every record...</source>
        <translation>Memeriksa setiap data...</translation>
    </message>
    <message>
        <source>Reading {file}...</source>
        <translation>Membaca {file}...</translation>
    </message>
    <message>
        <source>Records in the file: {total}. To import: {good}. Duplicates to merge: {duplicates}. Skipped: {skipped}.</source>
        <translation>Data dalam berkas: {total}. Akan diimpor: {good}. Data ganda yang digabung: {duplicates}. Dilewati: {skipped}.</translation>
    </message>
    <message>
        <source>&amp;Import {count} records</source>
        <translation>&amp;Impor {count} data</translation>
    </message>
    <message>
        <source>Only a manager or an administrator can import the catalogue.</source>
        <translation>Hanya pengelola atau administrator yang dapat mengimpor katalog.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>Importing {count} records...</source>
        <translation>Mengimpor {count} data...</translation>
    </message>
    <message>
        <source>Imported: {imported} new titles. Merged as duplicates: {merged}. Copies added: {copies}. Skipped: {skipped}.</source>
        <translation>Diimpor: {imported} judul baru. Digabung sebagai data ganda: {merged}. Eksemplar ditambahkan: {copies}. Dilewati: {skipped}.</translation>
    </message>
    <message>
        <source>Every record was imported without a problem.</source>
        <translation>Semua data berhasil diimpor tanpa masalah.</translation>
    </message>
    <message>
        <source>Stopped. Nothing was read.</source>
        <translation>Dihentikan. Tidak ada yang dibaca.</translation>
    </message>
    <message>
        <source>Stopped. Nothing was imported.</source>
        <translation>Dihentikan. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>Choose the file of catalogue records</source>
        <translation>Pilih berkas data katalog</translation>
    </message>
    <message>
        <source>Catalogue files (*.mrc *.marc *.iso *.dat *.xml *.csv *.xlsx);;All files (*)</source>
        <translation>Berkas katalog (*.mrc *.marc *.iso *.dat *.xml *.csv *.xlsx);;Semua berkas (*)</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Collection</source>
        <translation>Koleksi</translation>
    </message>
    <message>
        <source>Type a title, author, subject or ISBN, or scan the ISBN</source>
        <translation>Ketik judul, pengarang, subjek, atau ISBN, atau pindai ISBN</translation>
    </message>
    <message>
        <source>Sear&amp;ch</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>&amp;New title…</source>
        <translation>&amp;Judul baru…</translation>
    </message>
    <message>
        <source>Catalogue a new title (Ctrl+N)</source>
        <translation>Masukkan judul baru ke katalog (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Impor…</translation>
    </message>
    <message>
        <source>Print &amp;labels…</source>
        <translation>Cetak &amp;label…</translation>
    </message>
    <message>
        <source>Spine and barcode labels of the copies of the titles selected in the list</source>
        <translation>Label punggung dan label barkode untuk eksemplar dari judul yang dipilih di daftar</translation>
    </message>
    <message>
        <source>Only a manager or an administrator can import the catalogue.</source>
        <translation>Hanya pengelola atau administrator yang dapat mengimpor katalog.</translation>
    </message>
    <message>
        <source>The newest titles</source>
        <translation>Judul terbaru</translation>
    </message>
    <message>
        <source>The title of the copy {barcode}</source>
        <translation>Judul dari eksemplar {barcode}</translation>
    </message>
    <message>
        <source>The first {count} found; type more to narrow the search</source>
        <translation>{count} pertama yang ditemukan; ketik lebih lengkap untuk mempersempit pencarian</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>{count} ditemukan</translation>
    </message>
    <message>
        <source>No title found</source>
        <translation>Tidak ada judul yang ditemukan</translation>
    </message>
    <message>
        <source>Title saved</source>
        <translation>Judul tersimpan</translation>
    </message>
    <message>
        <source>{title} is in the catalogue. Add its first copy now?</source>
        <translation>{title} sudah masuk katalog. Tambahkan eksemplar pertamanya sekarang?</translation>
    </message>
    <message>
        <source>&amp;Add a copy</source>
        <translation>&amp;Tambah eksemplar</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nanti saja</translation>
    </message>
    <message>
        <source>Delete {title} from the catalogue, with its copies ({copies})?</source>
        <translation>Hapus {title} dari katalog, beserta eksemplarnya ({copies})?</translation>
    </message>
    <message>
        <source>Delete the copy {barcode} of {title}?</source>
        <translation>Hapus eksemplar {barcode} dari {title}?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>It leaves the catalogue and the searches; past loans stay in the history.</source>
        <translation>Data ini dihapus dari katalog dan hasil pencarian; riwayat peminjaman sebelumnya tetap tersimpan.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Activity categories</source>
        <translation>Kategori kegiatan</translation>
    </message>
    <message>
        <source>New activities offer the ticked categories, in this order. Untick one to stop offering it: old activities keep it. Double-click a name or press F2 to rename it. Every category keeps its national code, so the reports still count it.</source>
        <translation>Kegiatan baru menawarkan kategori yang dicentang, dengan urutan ini. Hapus centang untuk berhenti menawarkannya: kegiatan lama tetap menyimpannya. Klik dua kali sebuah nama atau tekan F2 untuk mengganti namanya. Setiap kategori tetap memakai kode nasionalnya, sehingga tetap dihitung dalam laporan.</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>&amp;Daftar kategori</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Pindah ke &amp;atas</translation>
    </message>
    <message>
        <source>Ctrl+Up in the list does the same.</source>
        <translation>Ctrl+Atas di daftar juga dapat dipakai.</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Pindah ke &amp;bawah</translation>
    </message>
    <message>
        <source>Ctrl+Down in the list does the same.</source>
        <translation>Ctrl+Bawah di daftar juga dapat dipakai.</translation>
    </message>
</context>
<context>
    <name>CategoriesModel</name>
    <message>
        <source>A national category: it can be renamed, moved or hidden. Activities keep counting under its code.</source>
        <translation>Kategori nasional: dapat diganti namanya, dipindah, atau disembunyikan. Kegiatannya tetap dihitung dengan kodenya.</translation>
    </message>
</context>
<context>
    <name>CirculationPage</name>
    <message>
        <source>Circulation</source>
        <translation>Sirkulasi</translation>
    </message>
    <message>
        <source>Scan a member card or a book&apos;s barcode (or type it and press Enter)</source>
        <translation>Pindai kartu anggota atau barkode buku (atau ketik lalu tekan Enter)</translation>
    </message>
    <message>
        <source>&amp;Scan:</source>
        <translation>Pin&amp;dai:</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Peminjam</translation>
    </message>
    <message>
        <source>No borrower chosen. Scan a member card to lend; scan a book that is on loan to take it back.</source>
        <translation>Belum ada peminjam yang dipilih. Pindai kartu anggota untuk meminjamkan; pindai buku yang sedang dipinjam untuk menerima pengembaliannya.</translation>
    </message>
    <message>
        <source>On loan</source>
        <translation>Dipinjam</translation>
    </message>
    <message>
        <source>&amp;Renew</source>
        <translation>&amp;Perpanjang</translation>
    </message>
    <message>
        <source>Renew the loan chosen in the list.</source>
        <translation>Perpanjang pinjaman yang dipilih di daftar.</translation>
    </message>
    <message>
        <source>&amp;All loans</source>
        <translation>Semua pe&amp;minjaman</translation>
    </message>
    <message>
        <source>Every loan of this member, returned or not.</source>
        <translation>Semua peminjaman anggota ini, yang sudah maupun belum dikembalikan.</translation>
    </message>
    <message>
        <source>&amp;Finish (Esc)</source>
        <translation>&amp;Selesai (Esc)</translation>
    </message>
    <message>
        <source>Done with this borrower: ready for the next one.</source>
        <translation>Selesai melayani peminjam ini: siap untuk peminjam berikutnya.</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>Sesi ini</translation>
    </message>
    <message>
        <source>&amp;Desk: lend and return</source>
        <translation>&amp;Layanan: pinjam dan kembali</translation>
    </message>
    <message>
        <source>Hist&amp;ory</source>
        <translation>&amp;Riwayat</translation>
    </message>
    <message>
        <source>O&amp;verdue</source>
        <translation>&amp;Terlambat</translation>
    </message>
    <message>
        <source>Ready: scan a member card or a book.</source>
        <translation>Siap: pindai kartu anggota atau buku.</translation>
    </message>
    <message>
        <source>{name} ({number}) may borrow {left} more. Scan the books to lend.</source>
        <translation>{name} ({number}) masih boleh meminjam {left} buku lagi. Pindai buku yang akan dipinjam.</translation>
    </message>
    <message>
        <source>{name} ({number}) has {count} books on loan, the most allowed: return one before borrowing another.</source>
        <translation>{name} ({number}) sedang meminjam {count} buku, batas yang diizinkan: kembalikan satu dulu sebelum meminjam lagi.</translation>
    </message>
    <message>
        <source>Lent: {title} ({barcode}) to {name}, due {date}.</source>
        <translation>Dipinjamkan: {title} ({barcode}) kepada {name}, batas kembali {date}.</translation>
    </message>
    <message>
        <source>Returned: {title}, from {name}.</source>
        <translation>Dikembalikan: {title}, dari {name}.</translation>
    </message>
    <message>
        <source>Returned: {title}, from {name}; {days} days late.</source>
        <translation>Dikembalikan: {title}, dari {name}; terlambat {days} hari.</translation>
    </message>
    <message>
        <source>Returned: {title}, from {name}; {days} days late, fine {fine}.</source>
        <translation>Dikembalikan: {title}, dari {name}; terlambat {days} hari, denda {fine}.</translation>
    </message>
    <message>
        <source>{count} of {most}; may borrow {left} more.</source>
        <translation>{count} dari {most}; masih boleh meminjam {left} lagi.</translation>
    </message>
    <message>
        <source>Choose the loan to renew in the list, then press Renew.</source>
        <translation>Pilih pinjaman yang akan diperpanjang di daftar, lalu tekan Perpanjang.</translation>
    </message>
    <message>
        <source>Renewed: {title} ({barcode}), now due {date}.</source>
        <translation>Diperpanjang: {title} ({barcode}), batas kembali sekarang {date}.</translation>
    </message>
    <message>
        <source>Ready for the next borrower: scan a member card.</source>
        <translation>Siap untuk peminjam berikutnya: pindai kartu anggota.</translation>
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
    <message>
        <source>The database could not be updated to this version of PerpusDesa. Nothing was changed: the previous version still opens it.</source>
        <translation>Basis data tidak dapat diperbarui ke versi PerpusDesa ini. Tidak ada yang diubah: versi sebelumnya masih dapat membukanya.</translation>
    </message>
    <message>
        <source>Making a backup of the library...</source>
        <translation>Membuat cadangan data perpustakaan...</translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <source>Plan the next session</source>
        <translation>Rencanakan sesi berikutnya</translation>
    </message>
    <message>
        <source>A new planned activity “{title}” is made with the same details, without participants or outcomes.</source>
        <translation>Kegiatan baru “{title}” akan direncanakan dengan rincian yang sama, tanpa peserta dan hasil.</translation>
    </message>
    <message>
        <source>&amp;Next session</source>
        <translation>&amp;Sesi berikutnya</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Rencanakan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>DayChart</name>
    <message>
        <source>Visitors in the last {days} days: {people} people</source>
        <translation>Pengunjung dalam {days} hari terakhir: {people} orang</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
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
    <name>HelpPage</name>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <source>&amp;About PerpusDesa</source>
        <translation>&amp;Tentang PerpusDesa</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>Cari di panduan</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>No chapter holds these words.</source>
        <translation>Tidak ada bab yang memuat kata-kata ini.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Member number or barcode of a copy, then Enter</source>
        <translation>Nomor anggota atau barkode eksemplar, lalu tekan Enter</translation>
    </message>
    <message>
        <source>Member or &amp;copy:</source>
        <translation>Anggota atau &amp;eksemplar:</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>&amp;Tampilkan</translation>
    </message>
    <message>
        <source>Loans of {name} ({number}): {count}</source>
        <translation>Peminjaman oleh {name} ({number}): {count}</translation>
    </message>
    <message>
        <source>Loans of the copy {barcode}, {title}: {count}</source>
        <translation>Peminjaman eksemplar {barcode}, {title}: {count}</translation>
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
    <name>ItemDialog</name>
    <message>
        <source>Add a copy of {title}</source>
        <translation>Tambah eksemplar {title}</translation>
    </message>
    <message>
        <source>Change the copy {barcode}</source>
        <translation>Ubah eksemplar {barcode}</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>This copy is on loan: its status changes when it is taken back at the circulation desk.</source>
        <translation>Eksemplar ini sedang dipinjam: statusnya berubah saat dikembalikan di meja sirkulasi.</translation>
    </message>
    <message>
        <source>Given by the program: {barcode}</source>
        <translation>Diberikan otomatis oleh program: {barcode}</translation>
    </message>
    <message>
        <source>&amp;Barcode</source>
        <translation>&amp;Barkode</translation>
    </message>
    <message>
        <source>&amp;Call number</source>
        <translation>&amp;Nomor panggil</translation>
    </message>
    <message>
        <source>&amp;Acquired on</source>
        <translation>Tanggal pen&amp;gadaan</translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation>As&amp;al</translation>
    </message>
    <message>
        <source>Co&amp;ndition</source>
        <translation>&amp;Kondisi</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Si&amp;mpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
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
    <name>LabelsDialog</name>
    <message>
        <source>book-labels-{date}.pdf</source>
        <translation>label-buku-{date}.pdf</translation>
    </message>
    <message>
        <source>Print book labels</source>
        <translation>Cetak label buku</translation>
    </message>
    <message>
        <source>to</source>
        <translation>sampai</translation>
    </message>
    <message>
        <source>Spine labels (call number)</source>
        <translation>Label punggung (nomor panggil)</translation>
    </message>
    <message>
        <source>Barcode labels</source>
        <translation>Label barkode</translation>
    </message>
    <message>
        <source>Both: a spine label and a barcode label</source>
        <translation>Keduanya: label punggung dan label barkode</translation>
    </message>
    <message>
        <source>{maker}: {count} labels of {width} × {height} mm</source>
        <translation>{maker}: {count} label berukuran {width} × {height} mm</translation>
    </message>
    <message>
        <source>On a sheet used before, the first free label. Labels are counted left to right, then top to bottom.</source>
        <translation>Untuk lembar yang sudah pernah dipakai: label kosong yang pertama. Label dihitung dari kiri ke kanan, lalu dari atas ke bawah.</translation>
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
        <source>&amp;Make the labels</source>
        <translation>Bu&amp;at label</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Copies by barco&amp;de</source>
        <translation>Eksemplar menurut barko&amp;de</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>&amp;Jenis label</translation>
    </message>
    <message>
        <source>Label &amp;sheet</source>
        <translation>&amp;Lembar label</translation>
    </message>
    <message>
        <source>S&amp;tart at label</source>
        <translation>&amp;Mulai dari label</translation>
    </message>
    <message>
        <source>&amp;Copies of each label</source>
        <translation>Jumlah &amp;salinan tiap label</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>row {row}, column {column} of {count} labels</source>
        <translation>baris {row}, kolom {column} dari {count} label</translation>
    </message>
    <message>
        <source>Copies: {items}. Labels: {labels}. Sheets of labels needed: {sheets}.</source>
        <translation>Eksemplar: {items}. Label: {labels}. Lembar label yang diperlukan: {sheets}.</translation>
    </message>
    <message>
        <source>Save the labels as</source>
        <translation>Simpan label sebagai</translation>
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
        <source>Making the labels...</source>
        <translation>Membuat label...</translation>
    </message>
    <message>
        <source>The labels were saved in {path}.</source>
        <translation>Label sudah disimpan di {path}.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>Book labels</source>
        <translation>Label buku</translation>
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
        <source>&amp;Restore from backup...</source>
        <translation>&amp;Pulihkan dari cadangan...</translation>
    </message>
    <message>
        <source>Bring back the data from a backup file. An administrator&apos;s password is needed.</source>
        <translation>Kembalikan data dari berkas cadangan. Perlu kata sandi administrator.</translation>
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
    <name>MonthCalendar</name>
    <message>
        <source>+{count} more</source>
        <translation>+{count} lagi</translation>
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
    <name>OverdueView</name>
    <message>
        <source>Refres&amp;h</source>
        <translation>Per&amp;barui</translation>
    </message>
    <message>
        <source>&amp;Print reminder list...</source>
        <translation>&amp;Cetak daftar pengingat...</translation>
    </message>
    <message>
        <source>Overdue on {date}: {count} loans, the longest overdue first.</source>
        <translation>Terlambat per {date}: {count} pinjaman, yang paling lama terlambat di atas.</translation>
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
    <message>
        <source>Activities</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Kemitraan</translation>
    </message>
    <message>
        <source>Success stories</source>
        <translation>Kisah sukses</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Koleksi</translation>
    </message>
    <message>
        <source>Stock take</source>
        <translation>Stok opname</translation>
    </message>
    <message>
        <source>Circulation</source>
        <translation>Sirkulasi</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
</context>
<context>
    <name>ParticipantGrid</name>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>{gender}, {band}</source>
        <translation>{gender}, {band}</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>New partner</source>
        <translation>Mitra baru</translation>
    </message>
    <message>
        <source>Change partner {name}</source>
        <translation>Ubah mitra {name}</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>optional, for example the head of the office</source>
        <translation>boleh dikosongkan, misalnya kepala kantor</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Jenis</translation>
    </message>
    <message>
        <source>&amp;Contact person</source>
        <translation>Nara&amp;hubung</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telepon</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>&amp;Alamat</translation>
    </message>
</context>
<context>
    <name>PartnershipDialog</name>
    <message>
        <source>New agreement</source>
        <translation>Perjanjian baru</translation>
    </message>
    <message>
        <source>Change agreement</source>
        <translation>Ubah perjanjian</translation>
    </message>
    <message>
        <source>Support received</source>
        <translation>Dukungan yang diterima</translation>
    </message>
    <message>
        <source>Change support received</source>
        <translation>Ubah dukungan yang diterima</translation>
    </message>
    <message>
        <source>New village regulation</source>
        <translation>Peraturan desa baru</translation>
    </message>
    <message>
        <source>Change village regulation</source>
        <translation>Ubah peraturan desa</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>boleh dikosongkan</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>tanpa batas waktu</translation>
    </message>
    <message>
        <source>Descri&amp;ption</source>
        <translation>&amp;Keterangan</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>What the partners agree to do together</source>
        <translation>Apa yang disepakati para mitra untuk dikerjakan bersama</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Bentuk</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>&amp;Mitra</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>J&amp;udul</translation>
    </message>
    <message>
        <source>N&amp;umber</source>
        <translation>&amp;Nomor</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>Berlaku &amp;dari</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Sampai</translation>
    </message>
    <message>
        <source>For example: library budget in the APBDes 2026</source>
        <translation>Contoh: anggaran perpustakaan dalam APBDes 2026</translation>
    </message>
    <message>
        <source>for example 15.000.000</source>
        <translation>contoh: 15.000.000</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Jenis</translation>
    </message>
    <message>
        <source>Received &amp;on</source>
        <translation>&amp;Tanggal diterima</translation>
    </message>
    <message>
        <source>&amp;What was received</source>
        <translation>&amp;Yang diterima</translation>
    </message>
    <message>
        <source>&amp;Value (Rp)</source>
        <translation>Ni&amp;lai (Rp)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>Jumla&amp;h</translation>
    </message>
    <message>
        <source>For example: Perdes on the village library</source>
        <translation>Contoh: Perdes tentang perpustakaan desa</translation>
    </message>
    <message>
        <source>for example 5 Tahun 2026</source>
        <translation>contoh: 5 Tahun 2026</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Tanggal</translation>
    </message>
</context>
<context>
    <name>PartnershipsPage</name>
    <message>
        <source>Partnerships</source>
        <translation>Kemitraan</translation>
    </message>
    <message>
        <source>Only a manager can change partnerships: your role may look them up.</source>
        <translation>Hanya pengelola yang dapat mengubah data kemitraan: peran Anda hanya dapat melihatnya.</translation>
    </message>
    <message>
        <source>&amp;New partner…</source>
        <translation>Mitra &amp;baru…</translation>
    </message>
    <message>
        <source>&amp;New agreement…</source>
        <translation>&amp;Perjanjian baru…</translation>
    </message>
    <message>
        <source>&amp;Record support…</source>
        <translation>&amp;Catat dukungan…</translation>
    </message>
    <message>
        <source>&amp;New regulation…</source>
        <translation>Peraturan &amp;desa baru…</translation>
    </message>
    <message>
        <source>Pa&amp;rtners</source>
        <translation>&amp;Mitra</translation>
    </message>
    <message>
        <source>A&amp;greements (MoU/PKS)</source>
        <translation>Per&amp;janjian (MoU/PKS)</translation>
    </message>
    <message>
        <source>S&amp;upport received</source>
        <translation>D&amp;ukungan diterima</translation>
    </message>
    <message>
        <source>Village regu&amp;lations</source>
        <translation>Pera&amp;turan desa</translation>
    </message>
    <message>
        <source>{count} in the list</source>
        <translation>{count} dalam daftar</translation>
    </message>
    <message>
        <source>APBDes {year}: {amount}</source>
        <translation>APBDes tahun {year}: {amount}</translation>
    </message>
    <message>
        <source>{label}: {quantity} ({amount})</source>
        <translation>{label}: {quantity} ({amount})</translation>
    </message>
    <message>
        <source>{label}: {quantity}</source>
        <translation>{label}: {quantity}</translation>
    </message>
    <message>
        <source>{label}: {amount}</source>
        <translation>{label}: {amount}</translation>
    </message>
    <message>
        <source>{label}: {count}×</source>
        <translation>{label}: {count}×</translation>
    </message>
    <message>
        <source>All support in {year}: {amount}</source>
        <translation>Semua dukungan tahun {year}: {amount}</translation>
    </message>
    <message>
        <source>Delete the partner {name}?</source>
        <translation>Hapus mitra {name}?</translation>
    </message>
    <message>
        <source>Delete “{title}”?</source>
        <translation>Hapus “{title}”?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Jangan dihapus</translation>
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
        <source>back up the library (database and photos)</source>
        <translation>buat cadangan perpustakaan (basis data dan foto)</translation>
    </message>
    <message>
        <source>write the backup into this folder (default: the data folder&apos;s backups folder and the second folder chosen in Settings)</source>
        <translation>tulis cadangan ke folder ini (bawaan: folder cadangan di folder data dan folder kedua yang dipilih di Pengaturan)</translation>
    </message>
    <message>
        <source>put a backup&apos;s library in place of this one (the current one is backed up first); close PerpusDesa first</source>
        <translation>ganti perpustakaan ini dengan isi sebuah cadangan (yang sekarang dicadangkan dulu); tutup PerpusDesa lebih dulu</translation>
    </message>
    <message>
        <source>the backup file (.pdbak)</source>
        <translation>berkas cadangan (.pdbak)</translation>
    </message>
    <message>
        <source>enrol this PC with the national server (once, with a code)</source>
        <translation>daftarkan PC ini ke server nasional (sekali, dengan kode)</translation>
    </message>
    <message>
        <source>the national server&apos;s address</source>
        <translation>alamat server nasional</translation>
    </message>
    <message>
        <source>the enrolment code from your facilitator</source>
        <translation>kode pendaftaran dari fasilitator Anda</translation>
    </message>
    <message>
        <source>send the changes to the national server</source>
        <translation>kirim perubahan ke server nasional</translation>
    </message>
    <message>
        <source>send the changes on a USB stick instead of over the internet</source>
        <translation>kirim perubahan lewat flashdisk, bukan lewat internet</translation>
    </message>
    <message>
        <source>write the changes not yet sent into a file</source>
        <translation>tulis perubahan yang belum terkirim ke sebuah berkas</translation>
    </message>
    <message>
        <source>read the server&apos;s receipt for a bundle</source>
        <translation>baca tanda terima server untuk sebuah bundel</translation>
    </message>
    <message>
        <source>catalogue records in MARC 21 (.mrc), e.g. from INLISLite</source>
        <translation>data katalog dalam format MARC 21 (.mrc), misalnya dari INLISLite</translation>
    </message>
    <message>
        <source>catalogue records in MARCXML (.xml)</source>
        <translation>data katalog dalam format MARCXML (.xml)</translation>
    </message>
    <message>
        <source>a SLiMS bibliography export (.csv)</source>
        <translation>hasil ekspor bibliografi SLiMS (.csv)</translation>
    </message>
    <message>
        <source>the PerpusDesa catalogue template (.xlsx or .csv)</source>
        <translation>templat katalog PerpusDesa (.xlsx atau .csv)</translation>
    </message>
    <message>
        <source>The whole file is checked first. A file that cannot be read is refused and nothing is imported; so is a file with broken records, unless --skip-invalid is given. A title already in the catalogue (the same ISBN, else the same title, first author and year) gets the new copies.</source>
        <translation>Seluruh berkas diperiksa lebih dulu. Berkas yang tidak dapat dibaca ditolak dan tidak ada yang diimpor; begitu juga berkas yang berisi data rusak, kecuali jika diberi --skip-invalid. Judul yang sudah ada di katalog (ISBN sama, atau jika tidak ada ISBN: judul, pengarang pertama, dan tahun sama) mendapat eksemplar baru.</translation>
    </message>
    <message>
        <source>the file to import</source>
        <translation>berkas yang akan diimpor</translation>
    </message>
    <message>
        <source>import the good records and leave out the broken ones (they are listed)</source>
        <translation>mengimpor data yang benar dan melewati data yang rusak (daftarnya ditampilkan)</translation>
    </message>
    <message>
        <source>where the copies came from (default: perpusnas; a template row may say otherwise)</source>
        <translation>asal eksemplar (bawaan: perpusnas; baris templat dapat menyebut asal lain)</translation>
    </message>
    <message>
        <source>the staff member recorded as having imported (default: the first administrator)</source>
        <translation>petugas yang dicatat sebagai pengimpor (bawaan: administrator pertama)</translation>
    </message>
    <message>
        <source>the monthly or annual report of the library, as PDF and XLSX</source>
        <translation>laporan bulanan atau tahunan perpustakaan, dalam bentuk PDF dan XLSX</translation>
    </message>
    <message>
        <source>the month of the report, e.g. 2026-11</source>
        <translation>bulan laporan, misalnya 2026-11</translation>
    </message>
    <message>
        <source>the year of an annual report, e.g. 2026</source>
        <translation>tahun untuk laporan tahunan, misalnya 2026</translation>
    </message>
    <message>
        <source>write the printable report to this PDF file</source>
        <translation>tulis laporan siap cetak ke berkas PDF ini</translation>
    </message>
    <message>
        <source>write the figures to this workbook (.xlsx)</source>
        <translation>tulis angka-angkanya ke buku kerja (.xlsx) ini</translation>
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
        <source>Nothing was imported: {count} of the {total} records in {file} cannot be imported (listed above). Correct them, or add --skip-invalid to import the others.</source>
        <translation>Tidak ada yang diimpor: {count} dari {total} data dalam {file} tidak dapat diimpor (lihat daftar di atas). Perbaiki data itu, atau tambahkan --skip-invalid untuk mengimpor yang lain.</translation>
    </message>
    <message>
        <source>Nothing was imported: {file} holds no record that can be imported.</source>
        <translation>Tidak ada yang diimpor: {file} tidak berisi data yang dapat diimpor.</translation>
    </message>
    <message>
        <source>Importing the catalogue... {percent}%</source>
        <translation>Mengimpor katalog... {percent}%</translation>
    </message>
    <message>
        <source>Imported from {file}. New titles: {imported}; merged into titles already in the catalogue: {merged}; copies: {copies}.</source>
        <translation>Diimpor dari {file}. Judul baru: {imported}; digabung ke judul yang sudah ada di katalog: {merged}; eksemplar: {copies}.</translation>
    </message>
    <message>
        <source>Records left out because they cannot be imported: {count}.</source>
        <translation>Data yang dilewati karena tidak dapat diimpor: {count}.</translation>
    </message>
    <message>
        <source>Backup written: {path} ({size} MB, database check: {check}).</source>
        <translation>Cadangan sudah ditulis: {path} ({size} MB, pemeriksaan basis data: {check}).</translation>
    </message>
    <message>
        <source>Second copy written: {path}</source>
        <translation>Salinan kedua sudah ditulis: {path}</translation>
    </message>
    <message>
        <source>The second copy was not written: {reason}</source>
        <translation>Salinan kedua tidak tertulis: {reason}</translation>
    </message>
    <message>
        <source>Restored {library} from {file}, a backup made on {date} (UTC).</source>
        <translation>{library} sudah dipulihkan dari {file}, cadangan yang dibuat pada {date} (UTC).</translation>
    </message>
    <message>
        <source>The database as it was before the restore is kept in {path}.</source>
        <translation>Basis data seperti sebelum pemulihan disimpan di {path}.</translation>
    </message>
    <message>
        <source>Write the month as YYYY-MM, for example 2026-11 (not {text}).</source>
        <translation>Tulis bulan dengan format TTTT-BB, misalnya 2026-11 (bukan {text}).</translation>
    </message>
    <message>
        <source>Write the year as YYYY, for example 2026 (not {text}).</source>
        <translation>Tulis tahun dengan format TTTT, misalnya 2026 (bukan {text}).</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name.</source>
        <translation>{path} adalah folder; berikan nama berkas.</translation>
    </message>
    <message>
        <source>Workbook written: {path}</source>
        <translation>Buku kerja sudah ditulis: {path}</translation>
    </message>
    <message>
        <source>PDF written: {path}</source>
        <translation>PDF sudah ditulis: {path}</translation>
    </message>
    <message>
        <source>This PC is enrolled with {server} (library {library}).</source>
        <translation>PC ini sudah terdaftar di {server} (perpustakaan {library}).</translation>
    </message>
    <message>
        <source>Another PC with this library&apos;s data is enrolled already (this is a copy, or a restored backup): this PC is enrolled as a PC of its own, and everything will be sent again, without doubles.</source>
        <translation>Sudah ada PC lain yang terdaftar dengan data perpustakaan ini (PC ini salinannya, atau cadangan yang dipulihkan): PC ini didaftarkan sebagai PC tersendiri, dan semua catatannya dikirim ulang tanpa ganda.</translation>
    </message>
    <message>
        <source>Sync finished: {sent} sent, {already} already on the server, {refused} refused.</source>
        <translation>Sinkronisasi selesai: {sent} terkirim, {already} sudah ada di server, {refused} ditolak.</translation>
    </message>
    <message>
        <source>Bundle written: {path} ({records} records).</source>
        <translation>Bundel ditulis: {path} ({records} catatan).</translation>
    </message>
    <message>
        <source>Receipt read: {synced} changes on the server, {rejected} refused.</source>
        <translation>Tanda terima dibaca: {synced} perubahan sudah di server, {rejected} ditolak.</translation>
    </message>
    <message>
        <source>Warning: this PC&apos;s clock differs from the server&apos;s by {minutes} minutes. Set the date and time of the PC.</source>
        <translation>Peringatan: jam PC ini berbeda {minutes} menit dari jam server. Atur tanggal dan jam PC.</translation>
    </message>
    <message>
        <source>Stopped at your request (Ctrl+C).</source>
        <translation>Dihentikan atas permintaan Anda (Ctrl+C).</translation>
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
        <source>There are no overdue loans to print.</source>
        <translation>Tidak ada pinjaman terlambat yang perlu dicetak.</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Terlambat (hari)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Sudah dihubungi</translation>
    </message>
    <message>
        <source>Overdue loans: reminder list</source>
        <translation>Pinjaman terlambat: daftar pengingat</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>Tanggal: {date}</translation>
    </message>
    <message>
        <source>Overdue loans: {count}</source>
        <translation>Pinjaman terlambat: {count}</translation>
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
        <source>The disk is full: the data was not saved. Free some space on the disk, then try again.</source>
        <translation>Disk penuh: data belum tersimpan. Kosongkan sebagian ruang disk, lalu coba lagi.</translation>
    </message>
    <message>
        <source>PerpusDesa may not write to the data folder {path}: the data was not saved. Check that the disk is not write-protected, then try again.</source>
        <translation>PerpusDesa tidak dapat menulis ke folder data {path}: data belum tersimpan. Pastikan disk tidak dikunci tulis, lalu coba lagi.</translation>
    </message>
    <message>
        <source>A disk error stopped PerpusDesa: the data was not saved. Try again; if it happens again, make a backup and ask your district facilitator to check the PC.</source>
        <translation>Terjadi kesalahan disk: data belum tersimpan. Coba lagi; jika terulang, buat cadangan lalu minta fasilitator kabupaten memeriksa PC.</translation>
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
        <source>The fine per day must be a whole number of Rupiah from 0 to 100000.</source>
        <translation>Denda per hari harus berupa bilangan bulat dalam Rupiah, dari 0 sampai 100.000.</translation>
    </message>
    <message>
        <source>Choose a whole folder path for the second backup copy, for example on a USB stick.</source>
        <translation>Pilih alamat folder yang lengkap untuk salinan cadangan kedua, misalnya di flashdisk.</translation>
    </message>
    <message>
        <source>The loan rules must be given per member type.</source>
        <translation>Aturan peminjaman harus diisi untuk setiap jenis anggota.</translation>
    </message>
    <message>
        <source>The loan rules name an unknown member type {member_type}; use {types}.</source>
        <translation>Aturan peminjaman menyebut jenis anggota yang tidak dikenal: {member_type}; gunakan {types}.</translation>
    </message>
    <message>
        <source>The loan rule for {member_type} must give the most items and the loan days.</source>
        <translation>Aturan peminjaman untuk {member_type} harus berisi jumlah buku paling banyak dan lama peminjaman.</translation>
    </message>
    <message>
        <source>Loans for {member_type}: the most items must be a whole number from 1 to 20.</source>
        <translation>Peminjaman untuk {member_type}: jumlah buku paling banyak harus bilangan bulat dari 1 sampai 20.</translation>
    </message>
    <message>
        <source>Loans for {member_type}: the loan days must be a whole number from 1 to 90.</source>
        <translation>Peminjaman untuk {member_type}: lama peminjaman harus bilangan bulat dari 1 sampai 90 hari.</translation>
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
        <source>Skills training</source>
        <translation>Pelatihan keterampilan</translation>
    </message>
    <message>
        <source>Digital literacy and ICT</source>
        <translation>Literasi digital dan TIK</translation>
    </message>
    <message>
        <source>Farming and fishing</source>
        <translation>Pertanian dan perikanan</translation>
    </message>
    <message>
        <source>Small business and entrepreneurship</source>
        <translation>Usaha kecil dan kewirausahaan</translation>
    </message>
    <message>
        <source>Children&apos;s literacy and storytelling</source>
        <translation>Literasi anak dan mendongeng</translation>
    </message>
    <message>
        <source>Health and family</source>
        <translation>Kesehatan dan keluarga</translation>
    </message>
    <message>
        <source>Tutoring</source>
        <translation>Bimbingan belajar</translation>
    </message>
    <message>
        <source>Technical guidance for library managers</source>
        <translation>Bimbingan teknis pengelola perpustakaan</translation>
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
        <source>The list of activity categories is damaged: restore the defaults.</source>
        <translation>Daftar kategori kegiatan rusak: kembalikan ke bawaan.</translation>
    </message>
    <message>
        <source>Activity categories cannot be added, removed or recoded: the national statistics count exactly these ten. Rename or hide one instead.</source>
        <translation>Kategori kegiatan tidak dapat ditambah, dihapus, atau diganti kodenya: statistik nasional menghitung tepat sepuluh kategori ini. Ganti namanya atau sembunyikan saja.</translation>
    </message>
    <message>
        <source>Fill in the name of activity category {number}.</source>
        <translation>Isi nama kategori kegiatan ke-{number}.</translation>
    </message>
    <message>
        <source>The name of activity category {number} is longer than {limit} characters.</source>
        <translation>Nama kategori kegiatan ke-{number} lebih dari {limit} karakter.</translation>
    </message>
    <message>
        <source>Two activity categories are called &quot;{label}&quot;.</source>
        <translation>Ada dua kategori kegiatan bernama &quot;{label}&quot;.</translation>
    </message>
    <message>
        <source>At least one activity category must stay offered.</source>
        <translation>Paling sedikit satu kategori kegiatan harus tetap ditawarkan.</translation>
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
        <translation>Nomor anggota {number} tidak dapat dicetak sebagai barkode: gunakan hanya huruf A sampai Z, angka, dan tanda seperti - atau /.</translation>
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
        <translation>Barkode {barcode} tidak ada di katalog.</translation>
    </message>
    <message>
        <source>Your role may not lend or take back items.</source>
        <translation>Peran Anda tidak boleh meminjamkan atau menerima pengembalian buku.</translation>
    </message>
    <message>
        <source>Scan or type a member number or a barcode.</source>
        <translation>Pindai atau ketik nomor anggota atau barkode.</translation>
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
        <source>Activity</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Stakeholder meeting</source>
        <translation>Pertemuan pemangku kepentingan</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Pelatihan</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Direncanakan</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Terlaksana</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Better information services</source>
        <translation>Peningkatan layanan informasi</translation>
    </message>
    <message>
        <source>Community involvement</source>
        <translation>Pelibatan masyarakat</translation>
    </message>
    <message>
        <source>Advocacy</source>
        <translation>Advokasi</translation>
    </message>
    <message>
        <source>Farmers</source>
        <translation>Petani</translation>
    </message>
    <message>
        <source>Fishers</source>
        <translation>Nelayan</translation>
    </message>
    <message>
        <source>Small business owners</source>
        <translation>Pelaku usaha kecil</translation>
    </message>
    <message>
        <source>Homemakers</source>
        <translation>Ibu rumah tangga</translation>
    </message>
    <message>
        <source>Young people</source>
        <translation>Pemuda</translation>
    </message>
    <message>
        <source>Pupils and students</source>
        <translation>Pelajar dan mahasiswa</translation>
    </message>
    <message>
        <source>People with disabilities</source>
        <translation>Penyandang disabilitas</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Fasilitator</translation>
    </message>
    <message>
        <source>Village library managers</source>
        <translation>Pengelola perpustakaan desa</translation>
    </message>
    <message>
        <source>Village government</source>
        <translation>Pemerintah desa</translation>
    </message>
    <message>
        <source>Village council (BPD)</source>
        <translation>Badan Permusyawaratan Desa (BPD)</translation>
    </message>
    <message>
        <source>Family welfare group (PKK)</source>
        <translation>Tim Penggerak PKK</translation>
    </message>
    <message>
        <source>Youth organisation</source>
        <translation>Organisasi pemuda (Karang Taruna)</translation>
    </message>
    <message>
        <source>Schools</source>
        <translation>Sekolah</translation>
    </message>
    <message>
        <source>Religious or community leaders</source>
        <translation>Tokoh agama atau tokoh masyarakat</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Dunia usaha</translation>
    </message>
    <message>
        <source>Government offices (dinas/OPD)</source>
        <translation>Instansi pemerintah (dinas/OPD)</translation>
    </message>
    <message>
        <source>The picture {path} could not be opened.</source>
        <translation>Gambar {path} tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>The file {name} is not a picture: choose a JPEG or PNG photo.</source>
        <translation>Berkas {name} bukan gambar: pilih foto JPEG atau PNG.</translation>
    </message>
    <message>
        <source>The picture {name} is larger than {limit} MB. Choose a smaller one.</source>
        <translation>Gambar {name} lebih besar dari {limit} MB. Pilih yang lebih kecil.</translation>
    </message>
    <message>
        <source>Member {number} is on the attendance list twice.</source>
        <translation>Anggota {number} tercantum dua kali di daftar hadir.</translation>
    </message>
    <message>
        <source>Choose the gender of person {number} on the attendance list.</source>
        <translation>Pilih jenis kelamin orang ke-{number} di daftar hadir.</translation>
    </message>
    <message>
        <source>Choose the age group of person {number} on the attendance list.</source>
        <translation>Pilih kelompok umur orang ke-{number} di daftar hadir.</translation>
    </message>
    <message>
        <source>Your role may not record activities.</source>
        <translation>Peran Anda tidak berwenang mencatat kegiatan.</translation>
    </message>
    <message>
        <source>Your role may not delete activities.</source>
        <translation>Peran Anda tidak berwenang menghapus kegiatan.</translation>
    </message>
    <message>
        <source>Your role may change only planned activities and those typed in today.</source>
        <translation>Peran Anda hanya berwenang mengubah kegiatan yang masih direncanakan dan kegiatan yang diketik hari ini.</translation>
    </message>
    <message>
        <source>An activity can keep at most {limit} photos.</source>
        <translation>Satu kegiatan paling banyak menyimpan {limit} foto.</translation>
    </message>
    <message>
        <source>That photo no longer exists.</source>
        <translation>Foto tersebut sudah tidak ada.</translation>
    </message>
    <message>
        <source>That activity no longer exists.</source>
        <translation>Kegiatan tersebut sudah tidak ada.</translation>
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
        <source>More than {max} people? Check the number.</source>
        <translation>Lebih dari {max} orang? Periksa jumlahnya.</translation>
    </message>
    <message>
        <source>Unknown gender {code}.</source>
        <translation>Jenis kelamin {code} tidak dikenal.</translation>
    </message>
    <message>
        <source>Fill in the title of the activity.</source>
        <translation>Isi judul kegiatan.</translation>
    </message>
    <message>
        <source>Choose activity, stakeholder meeting or training.</source>
        <translation>Pilih kegiatan, pertemuan pemangku kepentingan, atau pelatihan.</translation>
    </message>
    <message>
        <source>Choose the category of the activity.</source>
        <translation>Pilih kategori kegiatan.</translation>
    </message>
    <message>
        <source>Choose the TPBIS strategy of the activity.</source>
        <translation>Pilih strategi TPBIS kegiatan ini.</translation>
    </message>
    <message>
        <source>Choose planned, held or cancelled.</source>
        <translation>Pilih direncanakan, terlaksana, atau dibatalkan.</translation>
    </message>
    <message>
        <source>Choose the group the activity mainly reached.</source>
        <translation>Pilih kelompok sasaran utama kegiatan ini.</translation>
    </message>
    <message>
        <source>Fill in when the activity starts.</source>
        <translation>Isi waktu mulai kegiatan.</translation>
    </message>
    <message>
        <source>The activity must end after it starts.</source>
        <translation>Waktu selesai kegiatan harus setelah waktu mulai.</translation>
    </message>
    <message>
        <source>An activity longer than a month? Check the end date.</source>
        <translation>Kegiatan lebih dari sebulan? Periksa tanggal selesainya.</translation>
    </message>
    <message>
        <source>The activity has not started yet: save it as planned, and record it once held.</source>
        <translation>Kegiatan ini belum dimulai: simpan sebagai direncanakan, lalu catat setelah terlaksana.</translation>
    </message>
    <message>
        <source>Fill in how many men and women of each age group took part.</source>
        <translation>Isi jumlah laki-laki dan perempuan dari setiap kelompok umur yang ikut serta.</translation>
    </message>
    <message>
        <source>Unknown kind of representative {code}.</source>
        <translation>Jenis perwakilan {code} tidak dikenal.</translation>
    </message>
    <message>
        <source>Representatives are recorded for stakeholder meetings only.</source>
        <translation>Perwakilan hanya dicatat untuk pertemuan pemangku kepentingan.</translation>
    </message>
    <message>
        <source>Fill in how many representatives of each kind came to the meeting.</source>
        <translation>Isi jumlah perwakilan dari setiap jenis yang hadir dalam pertemuan.</translation>
    </message>
    <message>
        <source>The representatives add up to {representatives} people, more than the {participants} who took part.</source>
        <translation>Jumlah perwakilan {representatives} orang, lebih banyak daripada {participants} peserta yang hadir.</translation>
    </message>
    <message>
        <source>Commitments are recorded for stakeholder meetings only.</source>
        <translation>Komitmen hanya dicatat untuk pertemuan pemangku kepentingan.</translation>
    </message>
    <message>
        <source>The number of libraries must be a whole number, 0 or more.</source>
        <translation>Jumlah perpustakaan harus bilangan bulat, 0 atau lebih.</translation>
    </message>
    <message>
        <source>Libraries of trainees are recorded for trainings only.</source>
        <translation>Perpustakaan asal peserta hanya dicatat untuk pelatihan.</translation>
    </message>
    <message>
        <source>{libraries} libraries cannot have sent only {participants} people.</source>
        <translation>{libraries} perpustakaan tidak mungkin hanya mengirim {participants} orang.</translation>
    </message>
    <message>
        <source>A chosen partner is no longer in the list.</source>
        <translation>Salah satu mitra yang dipilih sudah tidak ada di daftar.</translation>
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
        <source>Regional government</source>
        <translation>Pemerintah daerah</translation>
    </message>
    <message>
        <source>Central government</source>
        <translation>Pemerintah pusat</translation>
    </message>
    <message>
        <source>Health services</source>
        <translation>Layanan kesehatan</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Sekolah</translation>
    </message>
    <message>
        <source>Village-owned enterprise (BUMDes)</source>
        <translation>Badan Usaha Milik Desa (BUMDes)</translation>
    </message>
    <message>
        <source>Civil society organisation</source>
        <translation>Organisasi masyarakat sipil</translation>
    </message>
    <message>
        <source>Community group</source>
        <translation>Kelompok masyarakat</translation>
    </message>
    <message>
        <source>Memorandum of understanding (MoU)</source>
        <translation>Nota kesepahaman (MoU)</translation>
    </message>
    <message>
        <source>Cooperation agreement (PKS)</source>
        <translation>Perjanjian kerja sama (PKS)</translation>
    </message>
    <message>
        <source>Support received</source>
        <translation>Dukungan yang diterima</translation>
    </message>
    <message>
        <source>Village regulation or decree</source>
        <translation>Peraturan desa atau SK Kades</translation>
    </message>
    <message>
        <source>Village budget (APBDes)</source>
        <translation>Anggaran desa (APBDes)</translation>
    </message>
    <message>
        <source>Books</source>
        <translation>Buku</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Peralatan</translation>
    </message>
    <message>
        <source>A place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Relawan</translation>
    </message>
    <message>
        <source>Village regulation (Perdes)</source>
        <translation>Peraturan desa (Perdes)</translation>
    </message>
    <message>
        <source>Village head&apos;s decree (SK Kades)</source>
        <translation>Keputusan kepala desa (SK Kades)</translation>
    </message>
    <message>
        <source>Your role may not delete partnerships.</source>
        <translation>Peran Anda tidak berwenang menghapus data kemitraan.</translation>
    </message>
    <message>
        <source>Your role may not change partnerships.</source>
        <translation>Peran Anda tidak berwenang mengubah data kemitraan.</translation>
    </message>
    <message>
        <source>{name} is named in {count} agreements or supports: delete those first.</source>
        <translation>{name} tercantum di {count} perjanjian atau dukungan: hapus data itu dulu.</translation>
    </message>
    <message>
        <source>That partnership no longer exists.</source>
        <translation>Data kemitraan tersebut sudah tidak ada.</translation>
    </message>
    <message>
        <source>That partner no longer exists.</source>
        <translation>Mitra tersebut sudah tidak ada.</translation>
    </message>
    <message>
        <source>The number is too large: check it.</source>
        <translation>Angkanya terlalu besar: periksa lagi.</translation>
    </message>
    <message>
        <source>Fill in the partner&apos;s name.</source>
        <translation>Isi nama mitra.</translation>
    </message>
    <message>
        <source>Choose the kind of partner.</source>
        <translation>Pilih jenis mitra.</translation>
    </message>
    <message>
        <source>A partner called {name} is already in the list.</source>
        <translation>Mitra bernama {name} sudah ada di daftar.</translation>
    </message>
    <message>
        <source>A phone number may have only digits, spaces and +.</source>
        <translation>Nomor telepon hanya boleh berisi angka, spasi, dan +.</translation>
    </message>
    <message>
        <source>Choose agreement (MoU or PKS), support or regulation.</source>
        <translation>Pilih perjanjian (MoU atau PKS), dukungan, atau peraturan.</translation>
    </message>
    <message>
        <source>Fill in what it is about (a title).</source>
        <translation>Isi perihalnya (judul).</translation>
    </message>
    <message>
        <source>Fill in the date.</source>
        <translation>Isi tanggalnya.</translation>
    </message>
    <message>
        <source>The end date lies before the start date.</source>
        <translation>Tanggal berakhir jatuh sebelum tanggal mulai.</translation>
    </message>
    <message>
        <source>Choose the partner of the agreement.</source>
        <translation>Pilih mitra dalam perjanjian ini.</translation>
    </message>
    <message>
        <source>The chosen partner is no longer in the list.</source>
        <translation>Mitra yang dipilih sudah tidak ada di daftar.</translation>
    </message>
    <message>
        <source>An amount in Rupiah cannot be negative.</source>
        <translation>Jumlah dalam Rupiah tidak boleh kurang dari 0.</translation>
    </message>
    <message>
        <source>A quantity cannot be negative.</source>
        <translation>Jumlah barang tidak boleh kurang dari 0.</translation>
    </message>
    <message>
        <source>Choose what kind of support was received.</source>
        <translation>Pilih jenis dukungan yang diterima.</translation>
    </message>
    <message>
        <source>Fill in the amount of the village budget.</source>
        <translation>Isi jumlah anggaran desa.</translation>
    </message>
    <message>
        <source>Fill in how many books or volunteers.</source>
        <translation>Isi jumlah buku atau relawan.</translation>
    </message>
    <message>
        <source>Choose a village regulation or a decree.</source>
        <translation>Pilih peraturan desa atau SK Kades.</translation>
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
        <source>{days} days late</source>
        <translation>terlambat {days} hari</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Returned on</source>
        <translation>Tanggal dikembalikan</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>Denda</translation>
    </message>
    <message>
        <source>still on loan</source>
        <translation>masih dipinjam</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Kejadian</translation>
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
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
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
        <source>Book labels</source>
        <translation>Label buku</translation>
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
        <source>People visiting, month by month</source>
        <translation>Jumlah pengunjung per bulan</translation>
    </message>
    <message>
        <source>People visiting, day by day</source>
        <translation>Jumlah pengunjung per hari</translation>
    </message>
    <message>
        <source>People visiting</source>
        <translation>Jumlah pengunjung</translation>
    </message>
    <message>
        <source>Guestbook entries (a group is one)</source>
        <translation>Isian buku tamu (satu rombongan dihitung satu)</translation>
    </message>
    <message>
        <source>By gender</source>
        <translation>Menurut jenis kelamin</translation>
    </message>
    <message>
        <source>By age band</source>
        <translation>Menurut kelompok umur</translation>
    </message>
    <message>
        <source>Members, non-members and groups</source>
        <translation>Anggota, bukan anggota, dan rombongan</translation>
    </message>
    <message>
        <source>By purpose of the visit</source>
        <translation>Menurut keperluan kunjungan</translation>
    </message>
    <message>
        <source>A visitor may give several purposes: the purposes add up to more than the total.</source>
        <translation>Satu pengunjung boleh menyebut beberapa keperluan: jumlah semua keperluan lebih besar daripada jumlah pengunjung.</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>Anggota baru</translation>
    </message>
    <message>
        <source>Active members (visited or borrowed)</source>
        <translation>Anggota aktif (berkunjung atau meminjam)</translation>
    </message>
    <message>
        <source>All members at the end</source>
        <translation>Seluruh anggota pada akhir periode</translation>
    </message>
    <message>
        <source>All members by gender</source>
        <translation>Seluruh anggota menurut jenis kelamin</translation>
    </message>
    <message>
        <source>All members by member type</source>
        <translation>Seluruh anggota menurut jenis anggota</translation>
    </message>
    <message>
        <source>New members by gender</source>
        <translation>Anggota baru menurut jenis kelamin</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Keanggotaan</translation>
    </message>
    <message>
        <source>Titles at the end</source>
        <translation>Judul pada akhir periode</translation>
    </message>
    <message>
        <source>Copies at the end</source>
        <translation>Eksemplar pada akhir periode</translation>
    </message>
    <message>
        <source>New titles</source>
        <translation>Judul baru</translation>
    </message>
    <message>
        <source>New copies</source>
        <translation>Eksemplar baru</translation>
    </message>
    <message>
        <source>New copies by source</source>
        <translation>Eksemplar baru menurut asal</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Koleksi</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Pinjaman</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Pengembalian</translation>
    </message>
    <message>
        <source>Overdue at the end</source>
        <translation>Terlambat pada akhir periode</translation>
    </message>
    <message>
        <source>Members who borrowed</source>
        <translation>Anggota yang meminjam</translation>
    </message>
    <message>
        <source>Loans by DDC class</source>
        <translation>Peminjaman menurut kelas DDC</translation>
    </message>
    <message>
        <source>The most borrowed titles</source>
        <translation>Judul yang paling banyak dipinjam</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Pengarang</translation>
    </message>
    <message>
        <source>No loans in this period.</source>
        <translation>Tidak ada peminjaman pada periode ini.</translation>
    </message>
    <message>
        <source>Circulation</source>
        <translation>Sirkulasi</translation>
    </message>
    <message>
        <source>Activities held</source>
        <translation>Kegiatan yang terlaksana</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategi</translation>
    </message>
    <message>
        <source>M</source>
        <translation>L</translation>
    </message>
    <message>
        <source>F</source>
        <translation>P</translation>
    </message>
    <message>
        <source>No activity was held in this period.</source>
        <translation>Tidak ada kegiatan yang terlaksana pada periode ini.</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>Jumlah peserta</translation>
    </message>
    <message>
        <source>Activities by category</source>
        <translation>Kegiatan menurut kategori</translation>
    </message>
    <message>
        <source>Activities by strategy</source>
        <translation>Kegiatan menurut strategi</translation>
    </message>
    <message>
        <source>People reached by gender</source>
        <translation>Peserta menurut jenis kelamin</translation>
    </message>
    <message>
        <source>People reached by age band</source>
        <translation>Peserta menurut kelompok umur</translation>
    </message>
    <message>
        <source>Meetings, trainings</source>
        <translation>Pertemuan dan pelatihan</translation>
    </message>
    <message>
        <source>Stakeholder meetings</source>
        <translation>Pertemuan pemangku kepentingan</translation>
    </message>
    <message>
        <source>Stakeholder representatives</source>
        <translation>Perwakilan pemangku kepentingan</translation>
    </message>
    <message>
        <source>Trainings</source>
        <translation>Pelatihan</translation>
    </message>
    <message>
        <source>People trained</source>
        <translation>Peserta pelatihan</translation>
    </message>
    <message>
        <source>Not counted: {planned} planned but not yet held, {cancelled} cancelled.</source>
        <translation>Tidak dihitung: {planned} direncanakan tetapi belum terlaksana, {cancelled} dibatalkan.</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>New agreements</source>
        <translation>Perjanjian baru</translation>
    </message>
    <message>
        <source>Agreements in force</source>
        <translation>Perjanjian yang berlaku</translation>
    </message>
    <message>
        <source>Value of the support received</source>
        <translation>Nilai dukungan yang diterima</translation>
    </message>
    <message>
        <source>Value by type of support</source>
        <translation>Nilai menurut jenis dukungan</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Perjanjian</translation>
    </message>
    <message>
        <source>No new agreement in this period.</source>
        <translation>Tidak ada perjanjian baru pada periode ini.</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Dukungan</translation>
    </message>
    <message>
        <source>No support received in this period.</source>
        <translation>Tidak ada dukungan yang diterima pada periode ini.</translation>
    </message>
    <message>
        <source>Partnerships and advocacy</source>
        <translation>Kemitraan dan advokasi</translation>
    </message>
    <message>
        <source>Stories of the period</source>
        <translation>Kisah pada periode ini</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Kisah</translation>
    </message>
    <message>
        <source>No story was recorded in this period.</source>
        <translation>Tidak ada kisah yang dicatat pada periode ini.</translation>
    </message>
    <message>
        <source>Success stories</source>
        <translation>Kisah sukses</translation>
    </message>
    <message>
        <source>Obstacles and plans</source>
        <translation>Kendala dan rencana</translation>
    </message>
    <message>
        <source>Nothing was written for this period.</source>
        <translation>Tidak ada yang ditulis untuk periode ini.</translation>
    </message>
    <message>
        <source>Participants in literacy activities</source>
        <translation>Peserta kegiatan literasi</translation>
    </message>
    <message>
        <source>Library users</source>
        <translation>Pemustaka</translation>
    </message>
    <message>
        <source>Users of computers and internet</source>
        <translation>Pengguna komputer dan internet</translation>
    </message>
    <message>
        <source>Visits to read in the library</source>
        <translation>Kunjungan untuk membaca di perpustakaan</translation>
    </message>
    <message>
        <source>Library development figures (IPLM)</source>
        <translation>Angka pembangunan perpustakaan (IPLM)</translation>
    </message>
    <message>
        <source>Urban village {name}</source>
        <translation>Kelurahan {name}</translation>
    </message>
    <message>
        <source>Village {name}</source>
        <translation>Desa {name}</translation>
    </message>
    <message>
        <source>Sub-district {name}</source>
        <translation>Kecamatan {name}</translation>
    </message>
    <message>
        <source>Province {name}</source>
        <translation>Provinsi {name}</translation>
    </message>
    <message>
        <source>NPP {npp}</source>
        <translation>NPP {npp}</translation>
    </message>
    <message>
        <source>Annual library report</source>
        <translation>Laporan tahunan perpustakaan</translation>
    </message>
    <message>
        <source>Monthly library report</source>
        <translation>Laporan bulanan perpustakaan</translation>
    </message>
    <message>
        <source>Year: {year}</source>
        <translation>Tahun: {year}</translation>
    </message>
    <message>
        <source>Month: {month}</source>
        <translation>Bulan: {month}</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Tahun ini</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Tahun lalu</translation>
    </message>
    <message>
        <source>Change from last year</source>
        <translation>Perubahan dari tahun lalu</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Bulan ini</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Bulan sebelumnya</translation>
    </message>
    <message>
        <source>Same month last year</source>
        <translation>Bulan yang sama tahun lalu</translation>
    </message>
    <message>
        <source>Change from previous month</source>
        <translation>Perubahan dari bulan sebelumnya</translation>
    </message>
    <message>
        <source>Head of the Urban Village of {village}</source>
        <translation>Lurah {village}</translation>
    </message>
    <message>
        <source>Head of the Village of {village}</source>
        <translation>Kepala Desa {village}</translation>
    </message>
    <message>
        <source>Made with PerpusDesa on {date} at {time} {zone}.</source>
        <translation>Dibuat dengan PerpusDesa pada {date} pukul {time} {zone}.</translation>
    </message>
    <message>
        <source>Acknowledged by,</source>
        <translation>Mengetahui,</translation>
    </message>
    <message>
        <source>Head of the Library</source>
        <translation>Kepala Perpustakaan</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
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
        <translation>Barkode boleh berisi paling banyak 30 huruf, angka, tanda hubung, titik, atau garis miring.</translation>
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
        <translation>Barkode yang diketik sendiri hanya untuk satu eksemplar; kosongkan saja.</translation>
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
        <translation>Barkode {barcode} sudah dipakai.</translation>
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
        <source>Row {number}: skipped: {reason}</source>
        <translation>Baris {number}: dilewati: {reason}</translation>
    </message>
    <message>
        <source>Row {number}: warning: {reason}</source>
        <translation>Baris {number}: peringatan: {reason}</translation>
    </message>
    <message>
        <source>Record {number}: skipped: {reason}</source>
        <translation>Data ke-{number}: dilewati: {reason}</translation>
    </message>
    <message>
        <source>Record {number}: warning: {reason}</source>
        <translation>Data ke-{number}: peringatan: {reason}</translation>
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
        <source>damaged MARC record: it is shorter or longer than its leader says</source>
        <translation>rekaman MARC rusak: panjangnya tidak sesuai dengan yang tertulis di leader</translation>
    </message>
    <message>
        <source>damaged MARC record ({detail})</source>
        <translation>rekaman MARC rusak ({detail})</translation>
    </message>
    <message>
        <source>some characters could not be read and were left out or replaced</source>
        <translation>beberapa huruf tidak dapat dibaca, lalu dihilangkan atau diganti</translation>
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
        <source>DDC class {ddc} not understood, left out</source>
        <translation>kelas DDC {ddc} tidak dikenali, tidak disimpan</translation>
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
        <source>The file {file} is a PerpusDesa catalogue template, not a SLiMS export: import it as the catalogue template.</source>
        <translation>Berkas {file} adalah templat katalog PerpusDesa, bukan hasil ekspor SLiMS: impor sebagai templat katalog.</translation>
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
        <source>The file {file} is an old Excel file (.xls). In Excel choose Save As and save it as .xlsx or as CSV.</source>
        <translation>Berkas {file} adalah berkas Excel versi lama (.xls). Di Excel, pilih Save As (Simpan Sebagai), lalu simpan sebagai .xlsx atau CSV.</translation>
    </message>
    <message>
        <source>The file {file} is not a readable CSV file: {reason}</source>
        <translation>Berkas {file} bukan berkas CSV yang dapat dibaca: {reason}</translation>
    </message>
    <message>
        <source>The file {file} is not a readable Excel (.xlsx) file. Save it again in Excel.</source>
        <translation>Berkas {file} bukan berkas Excel (.xlsx) yang dapat dibaca. Simpan ulang di Excel.</translation>
    </message>
    <message>
        <source>The file {file} is not a PerpusDesa catalogue template: the columns {columns} are missing. Start from katalog-template.xlsx or katalog-template.csv.</source>
        <translation>Berkas {file} bukan templat katalog PerpusDesa: kolom {columns} tidak ada. Mulailah dari katalog-template.xlsx atau katalog-template.csv.</translation>
    </message>
    <message>
        <source>no title (column judul)</source>
        <translation>tidak ada judul (kolom judul)</translation>
    </message>
    <message>
        <source>{value} is not a year of publication (column {column})</source>
        <translation>{value} bukan tahun terbit (kolom {column})</translation>
    </message>
    <message>
        <source>{value} is not a language; write Indonesia, Inggris, Arab, Jawa, Sunda or a three-letter code such as ind (column {column})</source>
        <translation>{value} bukan bahasa; tulis Indonesia, Inggris, Arab, Jawa, Sunda, atau kode tiga huruf seperti ind (kolom {column})</translation>
    </message>
    <message>
        <source>{value} is not a material type; write buku, majalah, surat_kabar, audio_visual or lainnya (column {column})</source>
        <translation>{value} bukan jenis bahan; tulis buku, majalah, surat_kabar, audio_visual, atau lainnya (kolom {column})</translation>
    </message>
    <message>
        <source>{value} is not a reader group; write anak, remaja or dewasa (column {column})</source>
        <translation>{value} bukan sasaran pembaca; tulis anak, remaja, atau dewasa (kolom {column})</translation>
    </message>
    <message>
        <source>{value} is not a source; write perpusnas, hibah, pembelian or swadaya (column {column})</source>
        <translation>{value} bukan asal eksemplar; tulis perpusnas, hibah, pembelian, atau swadaya (kolom {column})</translation>
    </message>
    <message>
        <source>{value} is not a number of copies from 1 to 100 (column {column})</source>
        <translation>{value} bukan jumlah eksemplar dari 1 sampai 100 (kolom {column})</translation>
    </message>
    <message>
        <source>{value} copies, but more barcodes are given; correct one of the two (column {column})</source>
        <translation>{value} eksemplar, tetapi barkode yang ditulis lebih banyak; perbaiki salah satunya (kolom {column})</translation>
    </message>
    <message>
        <source>{value} is not a date of acquisition; write it as 2024-07-31 or 31/07/2024, not in the future (column {column})</source>
        <translation>{value} bukan tanggal pengadaan; tulis seperti 2024-07-31 atau 31/07/2024, dan tidak boleh di masa depan (kolom {column})</translation>
    </message>
    <message>
        <source>Only a manager or an administrator can import the catalogue.</source>
        <translation>Hanya pengelola atau administrator yang dapat mengimpor katalog.</translation>
    </message>
    <message>
        <source>barcode {barcode} is already in use or too long; the copy got {new}</source>
        <translation>barkode {barcode} sudah dipakai atau terlalu panjang; eksemplar mendapat kode {new}</translation>
    </message>
    <message>
        <source>Choose one of the label sheets in the list.</source>
        <translation>Pilih salah satu lembar label di daftar.</translation>
    </message>
    <message>
        <source>Start at a label from 1 to {last}: this sheet has {last} labels.</source>
        <translation>Mulai dari label 1 sampai {last}: lembar ini berisi {last} label.</translation>
    </message>
    <message>
        <source>Choose spine labels, barcode labels or both.</source>
        <translation>Pilih label punggung, label barkode, atau keduanya.</translation>
    </message>
    <message>
        <source>Print 1 to {max} labels of each copy.</source>
        <translation>Cetak 1 sampai {max} label untuk setiap eksemplar.</translation>
    </message>
    <message>
        <source>Choose at least one copy to print labels for.</source>
        <translation>Pilih paling sedikit satu eksemplar yang akan dicetak labelnya.</translation>
    </message>
    <message>
        <source>That is more than {max} labels. Print them in smaller batches.</source>
        <translation>Itu lebih dari {max} label. Cetak sebagian demi sebagian.</translation>
    </message>
    <message>
        <source>Type the first and the last barcode.</source>
        <translation>Ketik barkode pertama dan terakhir.</translation>
    </message>
    <message>
        <source>No stock take is open. Start a count first.</source>
        <translation>Tidak ada stok opname yang sedang berjalan. Mulai opname dulu.</translation>
    </message>
    <message>
        <source>Your role may not take stock.</source>
        <translation>Peran Anda tidak berwenang melakukan stok opname.</translation>
    </message>
    <message>
        <source>This stock take no longer exists.</source>
        <translation>Stok opname ini sudah tidak ada.</translation>
    </message>
    <message>
        <source>A stock take started by {user} is still open. Carry on with it, or close it before starting another.</source>
        <translation>Stok opname yang dimulai oleh {user} masih berjalan. Lanjutkan opname itu, atau tutup dulu sebelum memulai yang baru.</translation>
    </message>
    <message>
        <source>Scan or type a barcode.</source>
        <translation>Pindai atau ketik barkode.</translation>
    </message>
    <message>
        <source>{code} is not a barcode. A barcode has up to 30 letters, digits, dashes, dots or slashes.</source>
        <translation>{code} bukan barkode. Barkode berisi paling banyak 30 huruf, angka, tanda hubung, titik, atau garis miring.</translation>
    </message>
    <message>
        <source>Your role may not mark copies as lost.</source>
        <translation>Peran Anda tidak berwenang menandai eksemplar sebagai hilang.</translation>
    </message>
    <message>
        <source>Your role may not cancel a stock take.</source>
        <translation>Peran Anda tidak berwenang membatalkan stok opname.</translation>
    </message>
    <message>
        <source>Higher income</source>
        <translation>Penghasilan meningkat</translation>
    </message>
    <message>
        <source>New skills</source>
        <translation>Keterampilan baru</translation>
    </message>
    <message>
        <source>New business</source>
        <translation>Usaha baru</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Pendidikan</translation>
    </message>
    <message>
        <source>Women&apos;s empowerment</source>
        <translation>Pemberdayaan perempuan</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Kesehatan</translation>
    </message>
    <message>
        <source>Your role may not record stories.</source>
        <translation>Peran Anda tidak berwenang mencatat kisah.</translation>
    </message>
    <message>
        <source>Your role may change only the stories typed in today.</source>
        <translation>Peran Anda hanya berwenang mengubah kisah yang diketik hari ini.</translation>
    </message>
    <message>
        <source>Your role may not delete stories.</source>
        <translation>Peran Anda tidak berwenang menghapus kisah.</translation>
    </message>
    <message>
        <source>That story no longer exists.</source>
        <translation>Kisah tersebut sudah tidak ada.</translation>
    </message>
    <message>
        <source>A figure cannot be negative.</source>
        <translation>Angka tidak boleh kurang dari 0.</translation>
    </message>
    <message>
        <source>A story is kept only with the person&apos;s consent. Ask for it and record it first.</source>
        <translation>Kisah hanya boleh disimpan dengan persetujuan yang bersangkutan. Mintalah persetujuannya dan catat dulu.</translation>
    </message>
    <message>
        <source>Fill in the person&apos;s name.</source>
        <translation>Isi nama yang bersangkutan.</translation>
    </message>
    <message>
        <source>Choose the person&apos;s gender.</source>
        <translation>Pilih jenis kelamin yang bersangkutan.</translation>
    </message>
    <message>
        <source>Choose the person&apos;s age group.</source>
        <translation>Pilih kelompok umur yang bersangkutan.</translation>
    </message>
    <message>
        <source>Choose the category of the story.</source>
        <translation>Pilih kategori kisah.</translation>
    </message>
    <message>
        <source>Fill in the title of the story.</source>
        <translation>Isi judul kisah.</translation>
    </message>
    <message>
        <source>Write the story.</source>
        <translation>Tulis kisahnya.</translation>
    </message>
    <message>
        <source>The chosen activity is no longer in the list.</source>
        <translation>Kegiatan yang dipilih sudah tidak ada di daftar.</translation>
    </message>
    <message>
        <source>Say what the figures measure, for example the monthly income.</source>
        <translation>Tulis apa yang diukur oleh angka itu, misalnya penghasilan per bulan.</translation>
    </message>
    <message>
        <source>The date of the consent lies in the future.</source>
        <translation>Tanggal persetujuan tidak boleh setelah hari ini.</translation>
    </message>
    <message>
        <source>Choose the staff member who witnessed the consent.</source>
        <translation>Pilih petugas yang menjadi saksi persetujuan.</translation>
    </message>
    <message>
        <source>A child&apos;s story needs a parent&apos;s or guardian&apos;s consent: fill in their name.</source>
        <translation>Kisah anak memerlukan persetujuan orang tua/wali: isi namanya.</translation>
    </message>
    <message>
        <source>A child&apos;s story needs a parent&apos;s or guardian&apos;s consent.</source>
        <translation>Kisah anak memerlukan persetujuan orang tua/wali.</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Buku</translation>
    </message>
    <message>
        <source>Magazine</source>
        <translation>Majalah</translation>
    </message>
    <message>
        <source>Newspaper</source>
        <translation>Surat kabar</translation>
    </message>
    <message>
        <source>Audio-visual</source>
        <translation>Audiovisual</translation>
    </message>
    <message>
        <source>Other material</source>
        <translation>Bahan lain</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Anak</translation>
    </message>
    <message>
        <source>Teens</source>
        <translation>Remaja</translation>
    </message>
    <message>
        <source>Adults</source>
        <translation>Dewasa</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Tidak dicatat</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Non-members</source>
        <translation>Bukan anggota</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Rombongan</translation>
    </message>
    <message>
        <source>Perpusnas aid</source>
        <translation>Bantuan Perpusnas</translation>
    </message>
    <message>
        <source>Donation</source>
        <translation>Hibah</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Pembelian</translation>
    </message>
    <message>
        <source>Self-funded</source>
        <translation>Swadaya</translation>
    </message>
    <message>
        <source>000 General works</source>
        <translation>000 Karya umum</translation>
    </message>
    <message>
        <source>100 Philosophy and psychology</source>
        <translation>100 Filsafat dan psikologi</translation>
    </message>
    <message>
        <source>200 Religion</source>
        <translation>200 Agama</translation>
    </message>
    <message>
        <source>300 Social sciences</source>
        <translation>300 Ilmu sosial</translation>
    </message>
    <message>
        <source>400 Language</source>
        <translation>400 Bahasa</translation>
    </message>
    <message>
        <source>500 Science</source>
        <translation>500 Ilmu pengetahuan alam</translation>
    </message>
    <message>
        <source>600 Technology</source>
        <translation>600 Teknologi</translation>
    </message>
    <message>
        <source>700 Arts and recreation</source>
        <translation>700 Kesenian dan rekreasi</translation>
    </message>
    <message>
        <source>800 Literature</source>
        <translation>800 Kesusastraan</translation>
    </message>
    <message>
        <source>900 History and geography</source>
        <translation>900 Sejarah dan geografi</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Baik</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Sedang</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Buruk</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Tersedia</translation>
    </message>
    <message>
        <source>On loan</source>
        <translation>Dipinjam</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Hilang</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Rusak</translation>
    </message>
    <message>
        <source>Weeded</source>
        <translation>Disiangi</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inggris</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>Arab</translation>
    </message>
    <message>
        <source>Javanese</source>
        <translation>Jawa</translation>
    </message>
    <message>
        <source>Sundanese</source>
        <translation>Sunda</translation>
    </message>
    <message>
        <source>Malay</source>
        <translation>Melayu</translation>
    </message>
    <message>
        <source>MARC 21 (ISO 2709), such as an INLISLite export</source>
        <translation>MARC 21 (ISO 2709), misalnya hasil ekspor INLISLite</translation>
    </message>
    <message>
        <source>MARCXML</source>
        <translation>MARCXML</translation>
    </message>
    <message>
        <source>SLiMS bibliography export (CSV)</source>
        <translation>Hasil ekspor bibliografi SLiMS (CSV)</translation>
    </message>
    <message>
        <source>PerpusDesa catalogue template (CSV or XLSX)</source>
        <translation>Templat katalog PerpusDesa (CSV atau XLSX)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gabung</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Lewati</translation>
    </message>
    <message>
        <source>the same book as record {number}</source>
        <translation>buku yang sama dengan data ke-{number}</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Data ke-</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Pengarang</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <source>Class (DDC)</source>
        <translation>Kelas (DDC)</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barkode</translation>
    </message>
    <message>
        <source>Call number</source>
        <translation>Nomor panggil</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Tanggal pengadaan</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Asal</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Kondisi</translation>
    </message>
    <message>
        <source>Fill in the amount in Rupiah as a whole number, for example 15.000.000.</source>
        <translation>Isi jumlah dalam Rupiah sebagai bilangan bulat, misalnya 15.000.000.</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Berlaku</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Berakhir</translation>
    </message>
    <message>
        <source>Not yet in force</source>
        <translation>Belum berlaku</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>tanpa batas waktu</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Narahubung</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Mitra</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Yang diterima</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>On the shelf</source>
        <translation>Di rak</translation>
    </message>
    <message>
        <source>On loan, yet on the shelf</source>
        <translation>Dipinjam, tetapi ada di rak</translation>
    </message>
    <message>
        <source>Lost or weeded, yet on the shelf</source>
        <translation>Hilang atau disiangi, tetapi ada di rak</translation>
    </message>
    <message>
        <source>Not in the catalogue</source>
        <translation>Tidak ada di katalog</translation>
    </message>
    <message>
        <source>Found on the shelf</source>
        <translation>Ditemukan di rak</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>Waktu pindai</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>{status}, yet on the shelf</source>
        <translation>{status}, tetapi ada di rak</translation>
    </message>
    <message>
        <source>Started: {time} by {user}</source>
        <translation>Dimulai: {time} oleh {user}</translation>
    </message>
    <message>
        <source>Closed: {time} by {user}</source>
        <translation>Ditutup: {time} oleh {user}</translation>
    </message>
    <message>
        <source>The count is still open; the lists may change.</source>
        <translation>Opname masih berjalan; daftar ini masih dapat berubah.</translation>
    </message>
    <message>
        <source>Copies expected on the shelves</source>
        <translation>Eksemplar yang seharusnya ada di rak</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Ditemukan</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Tidak ditemukan</translation>
    </message>
    <message>
        <source>Codes not in the catalogue</source>
        <translation>Kode yang tidak ada di katalog</translation>
    </message>
    <message>
        <source>Copies marked lost</source>
        <translation>Eksemplar yang ditandai hilang</translation>
    </message>
    <message>
        <source>When the count was closed, {count} of these copies were marked lost; the status shown is the one they had before.</source>
        <translation>Saat opname ditutup, {count} eksemplar ini ditandai hilang; status yang ditampilkan adalah status sebelumnya.</translation>
    </message>
    <message>
        <source>Stock take result</source>
        <translation>Hasil stok opname</translation>
    </message>
    <message>
        <source>Printed: {date}</source>
        <translation>Dicetak: {date}</translation>
    </message>
    <message>
        <source>Head of the library</source>
        <translation>Kepala Perpustakaan</translation>
    </message>
    <message>
        <source>Missing copies ({count})</source>
        <translation>Eksemplar tidak ditemukan ({count})</translation>
    </message>
    <message>
        <source>Unexpected finds ({count})</source>
        <translation>Temuan tak terduga ({count})</translation>
    </message>
    <message>
        <source>Copies on loan ({count})</source>
        <translation>Eksemplar yang dipinjam ({count})</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Tokoh</translation>
    </message>
    <message>
        <source>Related activity</source>
        <translation>Kegiatan terkait</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publikasi</translation>
    </message>
    <message>
        <source>With the name</source>
        <translation>Dengan nama</translation>
    </message>
    <message>
        <source>Initials only ({initials})</source>
        <translation>Hanya inisial ({initials})</translation>
    </message>
    <message>
        <source>Shared with the consent of the person and of a parent or guardian, given on {date} and witnessed by {witness}.</source>
        <translation>Dibagikan dengan persetujuan yang bersangkutan dan orang tua/wali, yang diberikan pada {date} dan disaksikan oleh {witness}.</translation>
    </message>
    <message>
        <source>Shared with the consent of the person, given on {date} and witnessed by {witness}.</source>
        <translation>Dibagikan dengan persetujuan yang bersangkutan, yang diberikan pada {date} dan disaksikan oleh {witness}.</translation>
    </message>
    <message>
        <source>The person agreed to publication with the name.</source>
        <translation>Yang bersangkutan setuju kisahnya dipublikasikan dengan nama.</translation>
    </message>
    <message>
        <source>Published without the name and photo, as the person asked.</source>
        <translation>Dipublikasikan tanpa nama dan foto, sesuai permintaan yang bersangkutan.</translation>
    </message>
    <message>
        <source>Success story</source>
        <translation>Kisah sukses</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Sebelum</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sesudah</translation>
    </message>
    <message>
        <source>Related activity: {title}</source>
        <translation>Kegiatan terkait: {title}</translation>
    </message>
    <message>
        <source>Printed on {date}.</source>
        <translation>Dicetak pada {date}.</translation>
    </message>
    <message>
        <source>Your role may not change the obstacles and plans of a report.</source>
        <translation>Peran Anda tidak berwenang mengubah kendala dan rencana dalam laporan.</translation>
    </message>
    <message>
        <source>The obstacles and plans are {length} characters long: shorten them to at most {limit}.</source>
        <translation>Kendala dan rencana sepanjang {length} karakter: persingkat menjadi paling banyak {limit}.</translation>
    </message>
    <message>
        <source>No fonts are installed on this computer, so the report cannot be printed.</source>
        <translation>Tidak ada huruf (font) yang terpasang di komputer ini, sehingga laporan tidak dapat dicetak.</translation>
    </message>
    <message>
        <source>There is no database in {path} to back up.</source>
        <translation>Tidak ada basis data di {path} untuk dicadangkan.</translation>
    </message>
    <message>
        <source>The database failed its check, so no backup was made: {problem}. Restore an earlier backup.</source>
        <translation>Basis data tidak lolos pemeriksaan, jadi cadangan tidak dibuat: {problem}. Pulihkan cadangan yang lebih awal.</translation>
    </message>
    <message>
        <source>The backup folder {path} cannot be written to. Choose another folder or drive.</source>
        <translation>Folder cadangan {path} tidak dapat ditulisi. Pilih folder atau drive lain.</translation>
    </message>
    <message>
        <source>{file} is not a PerpusDesa backup, or it is incomplete (perhaps it was not copied to the end). Choose another backup file.</source>
        <translation>{file} bukan cadangan PerpusDesa, atau tidak lengkap (mungkin tidak tersalin sampai selesai). Pilih berkas cadangan lain.</translation>
    </message>
    <message>
        <source>The backup {file} is damaged: its database cannot be used. Choose another backup file.</source>
        <translation>Cadangan {file} rusak: basis datanya tidak dapat dipakai. Pilih berkas cadangan lain.</translation>
    </message>
    <message>
        <source>The backup {file} was made by a newer version of PerpusDesa. Update PerpusDesa first.</source>
        <translation>Cadangan {file} dibuat oleh PerpusDesa versi yang lebih baru. Perbarui PerpusDesa lebih dulu.</translation>
    </message>
    <message>
        <source>PerpusDesa is open on this data folder; close it first.</source>
        <translation>PerpusDesa sedang dibuka pada folder data ini; tutup dulu.</translation>
    </message>
    <message>
        <source>Library profile</source>
        <translation>Profil perpustakaan</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Eksemplar</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <source>Loan</source>
        <translation>Peminjaman</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>Kemitraan</translation>
    </message>
    <message>
        <source>Refused by the national server ({code}).</source>
        <translation>Ditolak oleh server nasional ({code}).</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Alasan penolakan</translation>
    </message>
    <message>
        <source>This PC is not enrolled with the national server yet. Enrol it first with the code from your district facilitator.</source>
        <translation>PC ini belum terdaftar di server nasional. Daftarkan dulu dengan kode dari fasilitator kabupaten Anda.</translation>
    </message>
    <message>
        <source>PerpusDesa could not reach the server {server}. Check the internet connection and try again.</source>
        <translation>PerpusDesa tidak dapat menghubungi server {server}. Periksa sambungan internet, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The answer did not come from the PerpusDesa server: there is no real internet connection yet (a hotspot may want you to log in first in a web browser). Nothing was lost; try again later.</source>
        <translation>Jawaban tidak datang dari server PerpusDesa: belum ada sambungan internet yang sebenarnya (mungkin hotspot meminta Anda masuk dulu lewat peramban web). Tidak ada yang hilang; coba lagi nanti.</translation>
    </message>
    <message>
        <source>The server {server} did not answer in time, even after {tries} tries. Nothing was lost; try again later.</source>
        <translation>Server {server} tidak menjawab tepat waktu, walau sudah dicoba {tries} kali. Tidak ada yang hilang; coba lagi nanti.</translation>
    </message>
    <message>
        <source>The server {server} has a problem (error {status}), even after {tries} tries. Nothing was lost; try again later.</source>
        <translation>Server {server} sedang bermasalah (galat {status}), walau sudah dicoba {tries} kali. Tidak ada yang hilang; coba lagi nanti.</translation>
    </message>
    <message>
        <source>The server {server} is busy, even after {tries} tries. Nothing was lost; try again later.</source>
        <translation>Server {server} sedang sibuk, walau sudah dicoba {tries} kali. Tidak ada yang hilang; coba lagi nanti.</translation>
    </message>
    <message>
        <source>{url} is not a server address. Type it like https://server.example.id</source>
        <translation>{url} bukan alamat server. Tulis seperti https://server.example.id</translation>
    </message>
    <message>
        <source>This PC may no longer send to the national server. Ask your district facilitator for a new enrolment code and enrol the PC again.</source>
        <translation>PC ini tidak boleh lagi mengirim ke server nasional. Mintalah kode pendaftaran baru kepada fasilitator kabupaten, lalu daftarkan PC ini lagi.</translation>
    </message>
    <message>
        <source>The national server does not know this PC. Ask your district facilitator for a new enrolment code and enrol the PC again.</source>
        <translation>Server nasional tidak mengenal PC ini. Mintalah kode pendaftaran baru kepada fasilitator kabupaten, lalu daftarkan PC ini lagi.</translation>
    </message>
    <message>
        <source>The server does not know this enrolment code. Check the code and type it again.</source>
        <translation>Server tidak mengenal kode pendaftaran ini. Periksa kodenya, lalu ketik lagi.</translation>
    </message>
    <message>
        <source>This enrolment code has expired. Ask your district facilitator for a new one.</source>
        <translation>Kode pendaftaran ini sudah kedaluwarsa. Mintalah kode baru kepada fasilitator kabupaten.</translation>
    </message>
    <message>
        <source>This enrolment code has been used already. Ask your district facilitator for a new one.</source>
        <translation>Kode pendaftaran ini sudah pernah dipakai. Mintalah kode baru kepada fasilitator kabupaten.</translation>
    </message>
    <message>
        <source>The server already has this library under another registration. Ask your district facilitator to check the registration.</source>
        <translation>Server sudah mencatat perpustakaan ini dengan pendaftaran lain. Mintalah fasilitator kabupaten memeriksa pendaftarannya.</translation>
    </message>
    <message>
        <source>This version of PerpusDesa cannot talk to the national server. Install the newest PerpusDesa, then try again.</source>
        <translation>Versi PerpusDesa ini tidak dapat berkomunikasi dengan server nasional. Pasang PerpusDesa terbaru, lalu coba lagi.</translation>
    </message>
    <message>
        <source>A record is too large for the server to take. Tell your district facilitator.</source>
        <translation>Ada catatan yang terlalu besar untuk diterima server. Beri tahu fasilitator kabupaten.</translation>
    </message>
    <message>
        <source>{path} cannot be used: {reason}</source>
        <translation>{path} tidak dapat dipakai: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a receipt of the national server for this library.</source>
        <translation>{path} bukan tanda terima server nasional untuk perpustakaan ini.</translation>
    </message>
    <message>
        <source>The national server refused the request ({code}). Tell your district facilitator.</source>
        <translation>Server nasional menolak permintaan ini ({code}). Beri tahu fasilitator kabupaten.</translation>
    </message>
    <message>
        <source>The server found this record incomplete or wrong. Open it, correct it and save it: it is sent again with the next sync.</source>
        <translation>Menurut server, catatan ini belum lengkap atau salah. Buka, perbaiki, lalu simpan: catatan itu dikirim lagi pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>This record carried personal data the server may not take. Tell your district facilitator.</source>
        <translation>Catatan ini membawa data pribadi yang tidak boleh diterima server. Beri tahu fasilitator kabupaten.</translation>
    </message>
    <message>
        <source>The server says this record belongs to another library.</source>
        <translation>Menurut server, catatan ini milik perpustakaan lain.</translation>
    </message>
    <message>
        <source>The server refused this record.</source>
        <translation>Server menolak catatan ini.</translation>
    </message>
    <message>
        <source>Nothing to send: every change is on the national server already.</source>
        <translation>Tidak ada yang perlu dikirim: semua perubahan sudah ada di server nasional.</translation>
    </message>
    <message>
        <source>Set up the library first.</source>
        <translation>Siapkan perpustakaan terlebih dahulu.</translation>
    </message>
    <message>
        <source>Type the enrolment code.</source>
        <translation>Ketik kode pendaftaran.</translation>
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
    <name>RecordTab</name>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;Ubah…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Hapus…</translation>
    </message>
</context>
<context>
    <name>ReminderPrintDialog</name>
    <message>
        <source>overdue-reminders-{date}.pdf</source>
        <translation>pengingat-terlambat-{date}.pdf</translation>
    </message>
    <message>
        <source>Print the reminder list</source>
        <translation>Cetak daftar pengingat</translation>
    </message>
    <message>
        <source>Overdue loans on {date}: {count}. One A4 list to call or visit them.</source>
        <translation>Pinjaman terlambat per {date}: {count}. Satu daftar A4 untuk menelepon atau mendatangi peminjamnya.</translation>
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
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>Save the reminder list as</source>
        <translation>Simpan daftar pengingat sebagai</translation>
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
        <source>Overdue loans</source>
        <translation>Pinjaman terlambat</translation>
    </message>
    <message>
        <source>Making the reminder list...</source>
        <translation>Membuat daftar pengingat...</translation>
    </message>
    <message>
        <source>The reminder list was saved in {path}.</source>
        <translation>Daftar pengingat sudah disimpan di {path}.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>&amp;Monthly</source>
        <translation>&amp;Bulanan</translation>
    </message>
    <message>
        <source>&amp;Annual</source>
        <translation>&amp;Tahunan</translation>
    </message>
    <message>
        <source>Mont&amp;h</source>
        <translation>Bu&amp;lan</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>Ta&amp;hun</translation>
    </message>
    <message>
        <source>Obstacles and plans</source>
        <translation>Kendala dan rencana</translation>
    </message>
    <message>
        <source>&amp;What held the library back in this period, and what it plans next (printed in the report):</source>
        <translation>&amp;Kendala yang dihadapi perpustakaan pada periode ini, dan rencana berikutnya (dicetak di laporan):</translation>
    </message>
    <message>
        <source>Only the library manager can change the obstacles and plans.</source>
        <translation>Hanya pengelola perpustakaan yang dapat mengubah kendala dan rencana.</translation>
    </message>
    <message>
        <source>&amp;Save notes</source>
        <translation>&amp;Simpan catatan</translation>
    </message>
    <message>
        <source>Print and export</source>
        <translation>Cetak dan ekspor</translation>
    </message>
    <message>
        <source>&amp;Print preview...</source>
        <translation>&amp;Pratinjau cetak...</translation>
    </message>
    <message>
        <source>Save P&amp;DF...</source>
        <translation>Simpan P&amp;DF...</translation>
    </message>
    <message>
        <source>Save &amp;XLSX...</source>
        <translation>Simpan &amp;XLSX...</translation>
    </message>
    <message>
        <source>&amp;Open the file</source>
        <translation>B&amp;uka berkas</translation>
    </message>
    <message>
        <source>Computing the figures for {period}...</source>
        <translation>Menghitung angka untuk {period}...</translation>
    </message>
    <message>
        <source>{period}: figures computed at {time}.</source>
        <translation>{period}: angka dihitung pukul {time}.</translation>
    </message>
    <message>
        <source>The figures could not be computed.</source>
        <translation>Angka tidak dapat dihitung.</translation>
    </message>
    <message>
        <source>Saved on {date} at {time} by {user}.</source>
        <translation>Disimpan pada {date} pukul {time} oleh {user}.</translation>
    </message>
    <message>
        <source>{count} of at most {limit} characters</source>
        <translation>{count} dari paling banyak {limit} karakter</translation>
    </message>
    <message>
        <source>Print preview: {period}</source>
        <translation>Pratinjau cetak: {period}</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Simpan laporan sebagai PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Making the PDF...</source>
        <translation>Membuat PDF...</translation>
    </message>
    <message>
        <source>Save the figures as a workbook</source>
        <translation>Simpan angka sebagai buku kerja</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Making the workbook...</source>
        <translation>Membuat buku kerja...</translation>
    </message>
    <message>
        <source>Saved in {path}</source>
        <translation>Disimpan di {path}</translation>
    </message>
</context>
<context>
    <name>ReportPrintDialog</name>
    <message>
        <source>stock-take-{date}.pdf</source>
        <translation>stok-opname-{date}.pdf</translation>
    </message>
    <message>
        <source>Print the stock take result</source>
        <translation>Cetak hasil stok opname</translation>
    </message>
    <message>
        <source>Missing copies: {missing}. Unexpected finds: {unexpected}.</source>
        <translation>Eksemplar tidak ditemukan: {missing}. Temuan tak terduga: {unexpected}.</translation>
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
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>Save the result as</source>
        <translation>Simpan hasil sebagai</translation>
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
        <source>Stock take result</source>
        <translation>Hasil stok opname</translation>
    </message>
    <message>
        <source>Making the stock take result...</source>
        <translation>Membuat hasil stok opname...</translation>
    </message>
    <message>
        <source>The result was saved in {path}.</source>
        <translation>Hasil sudah disimpan di {path}.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Choose the backup to bring back. Nothing changes until you confirm at the end.</source>
        <translation>Pilih cadangan yang akan dikembalikan. Tidak ada yang berubah sampai Anda mengonfirmasi di akhir.</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Dibuat pada</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Perpustakaan</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <source>Looking for backups...</source>
        <translation>Mencari cadangan...</translation>
    </message>
    <message>
        <source>Choose a &amp;file...</source>
        <translation>Pilih be&amp;rkas...</translation>
    </message>
    <message>
        <source>No backup chosen yet.</source>
        <translation>Belum ada cadangan yang dipilih.</translation>
    </message>
    <message>
        <source>What the backup holds</source>
        <translation>Isi cadangan</translation>
    </message>
    <message>
        <source>An administrator must allow this</source>
        <translation>Harus diizinkan administrator</translation>
    </message>
    <message>
        <source>Administrator&apos;s user&amp;name</source>
        <translation>&amp;Nama pengguna administrator</translation>
    </message>
    <message>
        <source>Administrator&apos;s pass&amp;word</source>
        <translation>Kata &amp;sandi administrator</translation>
    </message>
    <message>
        <source>&amp;Next...</source>
        <translation>&amp;Berikutnya...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>checked OK</source>
        <translation>diperiksa, baik</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>belum diperiksa</translation>
    </message>
    <message>
        <source>{count} backups found in the backup folders.</source>
        <translation>{count} cadangan ditemukan di folder cadangan.</translation>
    </message>
    <message>
        <source>No backups found in the backup folders. Choose a file instead.</source>
        <translation>Tidak ada cadangan di folder cadangan. Pilih sebuah berkas.</translation>
    </message>
    <message>
        <source>No backups found.</source>
        <translation>Tidak ada cadangan.</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Pilih cadangan</translation>
    </message>
    <message>
        <source>PerpusDesa backups (*.pdbak);;All files (*)</source>
        <translation>Cadangan PerpusDesa (*.pdbak);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Library: {name}</source>
        <translation>Perpustakaan: {name}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(tanpa nama)</translation>
    </message>
    <message>
        <source>Made on: {when}</source>
        <translation>Dibuat pada: {when}</translation>
    </message>
    <message>
        <source>Holds: {members} members, {titles} titles, {items} copies, {visits} visits, {loans} loans, {activities} activities</source>
        <translation>Berisi: {members} anggota, {titles} judul, {items} eksemplar, {visits} kunjungan, {loans} peminjaman, {activities} kegiatan</translation>
    </message>
    <message>
        <source>Size: {size}, with {photos} photos and logos</source>
        <translation>Ukuran: {size}, dengan {photos} foto dan logo</translation>
    </message>
    <message>
        <source>Checked when it was made: OK</source>
        <translation>Diperiksa saat dibuat: baik</translation>
    </message>
    <message>
        <source>Checked when it was made: problems found</source>
        <translation>Diperiksa saat dibuat: ada masalah</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Berkas: {path}</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <source>Only an administrator can restore a backup. Ask your administrator.</source>
        <translation>Hanya administrator yang dapat memulihkan cadangan. Mintalah kepada administrator Anda.</translation>
    </message>
    <message>
        <source>The current data will first be saved as a backup, then replaced by the backup of {library} made on {when}.</source>
        <translation>Data sekarang akan disimpan dulu sebagai cadangan, lalu diganti dengan cadangan {library} yang dibuat pada {when}.</translation>
    </message>
    <message>
        <source>What was recorded after {when} will no longer be in the program; it stays in the saved backup. Afterwards everyone logs in again.</source>
        <translation>Yang dicatat sesudah {when} tidak akan ada lagi di program; data itu tetap ada di cadangan yang disimpan. Sesudahnya semua pengguna masuk lagi.</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Pulihkan cadangan ini?</translation>
    </message>
    <message>
        <source>The backup</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Kembali</translation>
    </message>
    <message>
        <source>&amp;Restore now</source>
        <translation>&amp;Pulihkan sekarang</translation>
    </message>
    <message>
        <source>Checking the backup...</source>
        <translation>Memeriksa cadangan...</translation>
    </message>
    <message>
        <source>Saving the current data, then restoring the backup...</source>
        <translation>Menyimpan data sekarang, lalu memulihkan cadangan...</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>Cadangan sudah dipulihkan.</translation>
    </message>
    <message>
        <source>The data of {library} is now as it was on {when}. Log in to go on.</source>
        <translation>Data {library} sekarang seperti pada {when}. Masuk untuk melanjutkan.</translation>
    </message>
    <message>
        <source>The data as it was before the restore is saved in {path}.</source>
        <translation>Data sebelum pemulihan disimpan di {path}.</translation>
    </message>
    <message>
        <source>The backup was not restored.</source>
        <translation>Cadangan tidak dipulihkan.</translation>
    </message>
    <message>
        <source>{problem}

The data is as it was before.</source>
        <translation>{problem}

Data tetap seperti sebelumnya.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
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
        <source>Activity &amp;categories...</source>
        <translation>&amp;Kategori kegiatan...</translation>
    </message>
    <message>
        <source>Rename, reorder or hide the categories offered for new activities.</source>
        <translation>Ganti nama, ubah urutan, atau sembunyikan kategori yang ditawarkan untuk kegiatan baru.</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Activity choices</source>
        <translation>Pilihan kegiatan</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Peminjaman</translation>
    </message>
    <message>
        <source> books</source>
        <translation> buku</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>paling banyak</translation>
    </message>
    <message>
        <source>for</source>
        <translation>selama</translation>
    </message>
    <message>
        <source>no fines</source>
        <translation>tanpa denda</translation>
    </message>
    <message>
        <source>&amp;Fine per day late</source>
        <translation>D&amp;enda per hari terlambat</translation>
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
        <source>C&amp;hoose a logo...</source>
        <translation>Pil&amp;ih logo...</translation>
    </message>
    <message>
        <source>Remove the logo</source>
        <translation>Hapus logo</translation>
    </message>
    <message>
        <source>Logo on the reports</source>
        <translation>Logo pada laporan</translation>
    </message>
    <message>
        <source>none: backups stay on this PC only</source>
        <translation>tidak ada: cadangan hanya ada di PC ini</translation>
    </message>
    <message>
        <source>Every backup is also copied here. Choose a folder on a USB stick or a second drive, so the data survives if this PC is lost or broken.</source>
        <translation>Setiap cadangan juga disalin ke sini. Pilih folder di flashdisk atau drive kedua, agar data selamat jika PC ini hilang atau rusak.</translation>
    </message>
    <message>
        <source>Bro&amp;wse...</source>
        <translation>Pilih &amp;folder...</translation>
    </message>
    <message>
        <source>Looking for backups...</source>
        <translation>Mencari cadangan...</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Cadangkan sekarang</translation>
    </message>
    <message>
        <source>Rest&amp;ore...</source>
        <translation>Pulihkan da&amp;ri cadangan...</translation>
    </message>
    <message>
        <source>Replace the data by a backup. The current data is saved first.</source>
        <translation>Ganti data dengan sebuah cadangan. Data sekarang disimpan dulu.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <source>Second &amp;copy to (USB stick)</source>
        <translation>Salinan kedua ke (flas&amp;hdisk)</translation>
    </message>
    <message>
        <source>Last good backup</source>
        <translation>Cadangan baik terakhir</translation>
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
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Choose the library&apos;s logo</source>
        <translation>Pilih logo perpustakaan</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>Gambar (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Choose the folder for the second backup copy</source>
        <translation>Pilih folder untuk salinan cadangan kedua</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>Belum ada cadangan yang dibuat.</translation>
    </message>
    <message>
        <source>{date} {time}, checked OK</source>
        <translation>{date} {time}, diperiksa, baik</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>Tidak diketahui.</translation>
    </message>
    <message>
        <source>Making a backup of the library...</source>
        <translation>Membuat cadangan perpustakaan...</translation>
    </message>
    <message>
        <source>Backup saved: {path}</source>
        <translation>Cadangan disimpan: {path}</translation>
    </message>
    <message>
        <source>Copy saved: {path}</source>
        <translation>Salinan disimpan: {path}</translation>
    </message>
    <message>
        <source>No copy on the second folder: {problem}</source>
        <translation>Tidak ada salinan di folder kedua: {problem}</translation>
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
    <name>StocktakePage</name>
    <message>
        <source>Stock take</source>
        <translation>Stok opname</translation>
    </message>
    <message>
        <source>&amp;Start a count</source>
        <translation>&amp;Mulai opname</translation>
    </message>
    <message>
        <source>&amp;Close the count...</source>
        <translation>&amp;Tutup opname...</translation>
    </message>
    <message>
        <source>Ca&amp;ncel the count...</source>
        <translation>&amp;Batalkan opname...</translation>
    </message>
    <message>
        <source>&amp;Print the result...</source>
        <translation>&amp;Cetak hasil...</translation>
    </message>
    <message>
        <source>Scan a copy, or type its barcode and press Enter</source>
        <translation>Pindai eksemplar, atau ketik barkodenya lalu tekan Enter</translation>
    </message>
    <message>
        <source>&amp;Barcode</source>
        <translation>Bar&amp;kode</translation>
    </message>
    <message>
        <source>Coun&amp;t</source>
        <translation>&amp;Hitung</translation>
    </message>
    <message>
        <source>Make it a&amp;vailable again</source>
        <translation>Jadikan te&amp;rsedia lagi</translation>
    </message>
    <message>
        <source>Expected on the shelves</source>
        <translation>Seharusnya ada di rak</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Ditemukan</translation>
    </message>
    <message>
        <source>Not found yet</source>
        <translation>Belum ditemukan</translation>
    </message>
    <message>
        <source>On loan</source>
        <translation>Dipinjam</translation>
    </message>
    <message>
        <source>Unexpected finds</source>
        <translation>Temuan tak terduga</translation>
    </message>
    <message>
        <source>Codes scanned</source>
        <translation>Kode yang dipindai</translation>
    </message>
    <message>
        <source>%p% of the expected copies found</source>
        <translation>%p% dari eksemplar yang seharusnya ada sudah ditemukan</translation>
    </message>
    <message>
        <source>&amp;Remove from the count</source>
        <translation>Keluarkan dari &amp;penghitungan</translation>
    </message>
    <message>
        <source>Count started {time} by {user}. Scans are saved as you go.</source>
        <translation>Opname dimulai pada {time} oleh {user}. Setiap pindaian langsung tersimpan.</translation>
    </message>
    <message>
        <source>No count is open. The last one was closed {time}; {count} copies were marked lost.</source>
        <translation>Tidak ada opname yang sedang berjalan. Opname terakhir ditutup pada {time}; {count} eksemplar ditandai hilang.</translation>
    </message>
    <message>
        <source>No count is open. Start one, then scan every copy on the shelves.</source>
        <translation>Tidak ada opname yang sedang berjalan. Mulai opname, lalu pindai setiap eksemplar di rak.</translation>
    </message>
    <message>
        <source>&amp;Missing ({count})</source>
        <translation>T&amp;idak ditemukan ({count})</translation>
    </message>
    <message>
        <source>&amp;Unexpected ({count})</source>
        <translation>Temuan tak ter&amp;duga ({count})</translation>
    </message>
    <message>
        <source>On &amp;loan ({count})</source>
        <translation>Dipin&amp;jam ({count})</translation>
    </message>
    <message>
        <source>Scann&amp;ed ({count})</source>
        <translation>&amp;Sudah dipindai ({count})</translation>
    </message>
    <message>
        <source>{barcode} was counted already: {title}</source>
        <translation>{barcode} sudah dihitung: {title}</translation>
    </message>
    <message>
        <source>Found: {barcode} {title}</source>
        <translation>Ditemukan: {barcode} {title}</translation>
    </message>
    <message>
        <source>{barcode} {title} is on loan, yet it is on the shelf. Take it back at the circulation desk.</source>
        <translation>{barcode} {title} tercatat dipinjam, tetapi ada di rak. Terima pengembaliannya di meja sirkulasi.</translation>
    </message>
    <message>
        <source>{barcode} {title} is marked {status}, yet it is on the shelf.</source>
        <translation>{barcode} {title} berstatus {status}, tetapi ada di rak.</translation>
    </message>
    <message>
        <source>{barcode} is not in the catalogue. Put the copy aside to catalogue it.</source>
        <translation>{barcode} tidak ada di katalog. Sisihkan eksemplar ini untuk dimasukkan ke katalog.</translation>
    </message>
    <message>
        <source>{barcode} {title} is available again.</source>
        <translation>{barcode} {title} tersedia lagi.</translation>
    </message>
    <message>
        <source>{barcode} was taken out of the count.</source>
        <translation>{barcode} sudah dikeluarkan dari penghitungan.</translation>
    </message>
    <message>
        <source>The count has started. Scan every copy on the shelves.</source>
        <translation>Opname sudah dimulai. Pindai setiap eksemplar di rak.</translation>
    </message>
    <message>
        <source>Close the count</source>
        <translation>Tutup opname</translation>
    </message>
    <message>
        <source>Close this stock take?</source>
        <translation>Tutup stok opname ini?</translation>
    </message>
    <message>
        <source>{count} copies were not found. Mark them lost: they are no longer lent and the catalogue shows them as lost. A copy that turns up later can be made available again.</source>
        <translation>{count} eksemplar tidak ditemukan. Tandai sebagai hilang: eksemplar itu tidak dapat dipinjamkan lagi dan katalog menampilkannya sebagai hilang. Eksemplar yang nanti ditemukan dapat dijadikan tersedia lagi.</translation>
    </message>
    <message>
        <source>Close and mark {count} copies lost</source>
        <translation>Tutup dan tandai {count} eksemplar hilang</translation>
    </message>
    <message>
        <source>{count} copies were not found. Only a manager can mark them lost; the count keeps the list.</source>
        <translation>{count} eksemplar tidak ditemukan. Hanya pengelola yang dapat menandainya hilang; daftarnya tetap tersimpan di opname ini.</translation>
    </message>
    <message>
        <source>Every copy expected on the shelves was found.</source>
        <translation>Semua eksemplar yang seharusnya ada di rak sudah ditemukan.</translation>
    </message>
    <message>
        <source>Close without marking</source>
        <translation>Tutup tanpa menandai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Closing the count...</source>
        <translation>Menutup opname...</translation>
    </message>
    <message>
        <source>The count is closed; {count} copies were marked lost.</source>
        <translation>Opname sudah ditutup; {count} eksemplar ditandai hilang.</translation>
    </message>
    <message>
        <source>Cancel the count</source>
        <translation>Batalkan opname</translation>
    </message>
    <message>
        <source>Cancel this stock take without a result?</source>
        <translation>Batalkan stok opname ini tanpa hasil?</translation>
    </message>
    <message>
        <source>No copy is marked lost. The scans are not used again.</source>
        <translation>Tidak ada eksemplar yang ditandai hilang. Hasil pindaian tidak dipakai lagi.</translation>
    </message>
    <message>
        <source>Carry on counting</source>
        <translation>Lanjutkan menghitung</translation>
    </message>
</context>
<context>
    <name>StoriesPage</name>
    <message>
        <source>Success stories</source>
        <translation>Kisah sukses</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <source>Ca&amp;tegory</source>
        <translation>Ka&amp;tegori</translation>
    </message>
    <message>
        <source>&amp;New story…</source>
        <translation>Kisah &amp;baru…</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>&amp;Ubah…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Print story sheet…</source>
        <translation>&amp;Cetak lembar kisah…</translation>
    </message>
    <message>
        <source>Stories: {count}</source>
        <translation>Kisah: {count}</translation>
    </message>
    <message>
        <source>{label}: {before} → {after}</source>
        <translation>{label}: {before} → {after}</translation>
    </message>
    <message>
        <source>Related activity: {title}</source>
        <translation>Kegiatan terkait: {title}</translation>
    </message>
    <message>
        <source>Consent given on {date}, witnessed by {witness}.</source>
        <translation>Persetujuan diberikan pada {date}, disaksikan oleh {witness}.</translation>
    </message>
    <message>
        <source>Parent or guardian: {name}.</source>
        <translation>Orang tua/wali: {name}.</translation>
    </message>
    <message>
        <source>May be published with the name and photo.</source>
        <translation>Boleh dipublikasikan dengan nama dan foto.</translation>
    </message>
    <message>
        <source>Published only with the initials {initials}, no photo.</source>
        <translation>Dipublikasikan hanya dengan inisial {initials}, tanpa foto.</translation>
    </message>
    <message>
        <source>Delete a story</source>
        <translation>Hapus kisah</translation>
    </message>
    <message>
        <source>Delete the story “{title}”?</source>
        <translation>Hapus kisah “{title}”?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>StoryDialog</name>
    <message>
        <source>Record a success story</source>
        <translation>Catat kisah sukses</translation>
    </message>
    <message>
        <source>Change the story</source>
        <translation>Ubah kisah</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>for example farmer, trader, student</source>
        <translation>misalnya petani, pedagang, pelajar</translation>
    </message>
    <message>
        <source>(no activity)</source>
        <translation>(tanpa kegiatan)</translation>
    </message>
    <message>
        <source>for example: Her chips are now sold in town</source>
        <translation>contoh: Keripiknya kini dijual sampai ke kota</translation>
    </message>
    <message>
        <source>What was the person&apos;s life like before, what changed, and how?</source>
        <translation>Bagaimana kehidupan orang ini sebelumnya, apa yang berubah, dan bagaimana perubahan itu terjadi?</translation>
    </message>
    <message>
        <source>optional, for example Income per month (Rp)</source>
        <translation>boleh dikosongkan, misalnya Penghasilan per bulan (Rp)</translation>
    </message>
    <message>
        <source>no photo</source>
        <translation>tanpa foto</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Pili&amp;h…</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>Hapus f&amp;oto</translation>
    </message>
    <message>
        <source>&amp;Agrees to the story being kept and shown</source>
        <translation>Setuju kisahn&amp;ya disimpan dan ditampilkan</translation>
    </message>
    <message>
        <source>Age gro&amp;up</source>
        <translation>Kelompok &amp;umur</translation>
    </message>
    <message>
        <source>Gi&amp;ven on</source>
        <translation>&amp;Tanggal</translation>
    </message>
    <message>
        <source>Tit&amp;le</source>
        <translation>Judu&amp;l</translation>
    </message>
    <message>
        <source>The stor&amp;y</source>
        <translation>&amp;Isi kisah</translation>
    </message>
    <message>
        <source>Afte&amp;r</source>
        <translation>S&amp;esudah</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>The story may be &amp;published with the name and photo</source>
        <translation>Kisah boleh &amp;dipublikasikan dengan nama dan foto</translation>
    </message>
    <message>
        <source>Without this, a printed story shows only the initials and no photo.</source>
        <translation>Tanpa centang ini, kisah yang dicetak hanya memuat inisial, tanpa foto.</translation>
    </message>
    <message>
        <source>The parent or guard&amp;ian agrees</source>
        <translation>O&amp;rang tua/wali menyetujui</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>Tokoh kisah</translation>
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
        <source>&amp;Occupation</source>
        <translation>&amp;Pekerjaan</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Persetujuan</translation>
    </message>
    <message>
        <source>&amp;Witnessed by</source>
        <translation>&amp;Saksi</translation>
    </message>
    <message>
        <source>Parent or guardian&apos;s na&amp;me</source>
        <translation>Nama orang tua/&amp;wali</translation>
    </message>
    <message>
        <source>The story</source>
        <translation>Kisah</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Kategori</translation>
    </message>
    <message>
        <source>Related ac&amp;tivity</source>
        <translation>Ke&amp;giatan terkait</translation>
    </message>
    <message>
        <source>&amp;Figures</source>
        <translation>&amp;Angka</translation>
    </message>
    <message>
        <source>&amp;Before</source>
        <translation>Se&amp;belum</translation>
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
        <source>Choose a photo</source>
        <translation>Pilih foto</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>Gambar (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>StoryPrintDialog</name>
    <message>
        <source>success-story-{date}.pdf</source>
        <translation>kisah-sukses-{date}.pdf</translation>
    </message>
    <message>
        <source>Print the story</source>
        <translation>Cetak kisah</translation>
    </message>
    <message>
        <source>One A4 page, with the name and photo (the person agreed).</source>
        <translation>Satu halaman A4, dengan nama dan foto (yang bersangkutan sudah setuju).</translation>
    </message>
    <message>
        <source>One A4 page, without the name and photo: the person is shown as {who}.</source>
        <translation>Satu halaman A4, tanpa nama dan foto: yang bersangkutan ditulis sebagai {who}.</translation>
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
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>Save the story as</source>
        <translation>Simpan kisah sebagai</translation>
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
        <source>Success story</source>
        <translation>Kisah sukses</translation>
    </message>
    <message>
        <source>Making the story sheet...</source>
        <translation>Membuat lembar kisah...</translation>
    </message>
    <message>
        <source>The story was saved in {path}.</source>
        <translation>Kisah sudah disimpan di {path}.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync with the national library</source>
        <translation>Sinkronisasi dengan Perpustakaan Nasional</translation>
    </message>
    <message>
        <source>Enrol this PC</source>
        <translation>Daftarkan PC ini</translation>
    </message>
    <message>
        <source>What you record here (visits, loans, activities, the collection) is sent to the national library for the statistics of your village, district and province. Names, addresses, phone numbers and birth dates of people never leave this PC.

To start, this PC is enrolled once: write the server address and the code you received from the district or national administrator.</source>
        <translation>Yang Anda catat di sini (kunjungan, peminjaman, kegiatan, koleksi) dikirim ke Perpustakaan Nasional untuk statistik desa, kabupaten dan provinsi Anda. Nama, alamat, nomor telepon dan tanggal lahir orang tidak pernah keluar dari PC ini.

Untuk memulai, PC ini didaftarkan sekali saja: tulis alamat server dan kode yang Anda terima dari admin kabupaten atau nasional.</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>Alamat se&amp;rver:</translation>
    </message>
    <message>
        <source>Enrolment &amp;code:</source>
        <translation>Kode pendaftara&amp;n:</translation>
    </message>
    <message>
        <source>&amp;Enrol this PC</source>
        <translation>&amp;Daftarkan PC ini</translation>
    </message>
    <message>
        <source>Only an administrator or a manager can enrol this PC.</source>
        <translation>Hanya administrator atau pengelola yang dapat mendaftarkan PC ini.</translation>
    </message>
    <message>
        <source>This PC</source>
        <translation>PC ini</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Library:</source>
        <translation>Perpustakaan:</translation>
    </message>
    <message>
        <source>This PC:</source>
        <translation>PC ini:</translation>
    </message>
    <message>
        <source>Last successful sync:</source>
        <translation>Sinkronisasi terakhir yang berhasil:</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>Perubahan:</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Hentikan</translation>
    </message>
    <message>
        <source>Refused records</source>
        <translation>Catatan yang ditolak</translation>
    </message>
    <message>
        <source>The national server did not take these records. Open each one, correct it and save it: it is sent again at the next sync.</source>
        <translation>Server nasional tidak menerima catatan ini. Buka satu per satu, perbaiki lalu simpan: catatan itu dikirim lagi pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>&amp;Open the record</source>
        <translation>&amp;Buka catatan</translation>
    </message>
    <message>
        <source>No internet? Use a USB stick</source>
        <translation>Tidak ada internet? Pakai flashdisk</translation>
    </message>
    <message>
        <source>Save what is waiting as one file on a USB stick and give it to the district facilitator. The facilitator brings back a receipt file: import it here.</source>
        <translation>Simpan yang menunggu sebagai satu berkas di flashdisk dan serahkan kepada fasilitator kabupaten. Fasilitator membawa kembali berkas tanda terima: impor di sini.</translation>
    </message>
    <message>
        <source>E&amp;xport USB bundle...</source>
        <translation>E&amp;kspor berkas flashdisk...</translation>
    </message>
    <message>
        <source>&amp;Import receipt...</source>
        <translation>&amp;Impor tanda terima...</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>{pending} waiting · {sending} being sent · {synced} sent · {rejected} refused</source>
        <translation>{pending} menunggu · {sending} sedang dikirim · {synced} terkirim · {rejected} ditolak</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation>{date}, pukul {time}</translation>
    </message>
    <message>
        <source>This PC&apos;s clock is {minutes} minutes behind the national server&apos;s clock. Please set the PC&apos;s date and time right.</source>
        <translation>Jam PC ini {minutes} menit lebih lambat dari jam server nasional. Mohon betulkan tanggal dan jam PC.</translation>
    </message>
    <message>
        <source>This PC&apos;s clock is {minutes} minutes ahead of the national server&apos;s clock. Please set the PC&apos;s date and time right.</source>
        <translation>Jam PC ini {minutes} menit lebih cepat dari jam server nasional. Mohon betulkan tanggal dan jam PC.</translation>
    </message>
    <message>
        <source>Fill in the server address.</source>
        <translation>Isi alamat server.</translation>
    </message>
    <message>
        <source>Fill in the enrolment code.</source>
        <translation>Isi kode pendaftaran.</translation>
    </message>
    <message>
        <source>Enrolling...</source>
        <translation>Mendaftarkan...</translation>
    </message>
    <message>
        <source>This PC is enrolled. Press &quot;Sync now&quot; to send what the library has recorded.</source>
        <translation>PC ini sudah terdaftar. Tekan &quot;Sinkronkan sekarang&quot; untuk mengirim yang sudah dicatat perpustakaan.</translation>
    </message>
    <message>
        <source>The national server already knew this library: everything will be sent again under its registration, without doubles.</source>
        <translation>Server nasional sudah mengenal perpustakaan ini: semua data dikirim lagi atas pendaftaran itu, tanpa ganda.</translation>
    </message>
    <message>
        <source>Another PC with this library&apos;s data is enrolled already (this is a copy, or a restored backup): this PC is enrolled as a PC of its own, and everything will be sent again, without doubles.</source>
        <translation>Sudah ada PC lain yang terdaftar dengan data perpustakaan ini (PC ini salinannya, atau cadangan yang dipulihkan): PC ini didaftarkan sebagai PC tersendiri, dan semua catatannya dikirim ulang tanpa ganda.</translation>
    </message>
    <message>
        <source>Connecting to the national server...</source>
        <translation>Menghubungi server nasional...</translation>
    </message>
    <message>
        <source>Asking the server what it already has...</source>
        <translation>Menanyakan ke server apa yang sudah diterimanya...</translation>
    </message>
    <message>
        <source>Fetching the national lists...</source>
        <translation>Mengambil daftar nasional...</translation>
    </message>
    <message>
        <source>{done} of {total} records · {size} sent</source>
        <translation>{done} dari {total} catatan · {size} terkirim</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>Menghentikan...</translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation>Sinkronisasi selesai.</translation>
    </message>
    <message>
        <source>Sent: {count} records.</source>
        <translation>Terkirim: {count} catatan.</translation>
    </message>
    <message>
        <source>Already on the server: {count}.</source>
        <translation>Sudah ada di server: {count}.</translation>
    </message>
    <message>
        <source>Refused: {count} (listed below: open each one to fix it).</source>
        <translation>Ditolak: {count} (lihat daftar di bawah: buka satu per satu untuk memperbaikinya).</translation>
    </message>
    <message>
        <source>Refused: none.</source>
        <translation>Ditolak: tidak ada.</translation>
    </message>
    <message>
        <source>This database was restored or copied: everything not yet confirmed was sent again, and the server keeps each record once.</source>
        <translation>Basis data ini dipulihkan atau disalin: semua yang belum dikonfirmasi dikirim lagi, dan server menyimpan setiap catatan satu kali saja.</translation>
    </message>
    <message>
        <source>Sync stopped. What was sent stays sent; the next sync continues from there.</source>
        <translation>Sinkronisasi dihentikan. Yang sudah terkirim tetap terkirim; sinkronisasi berikutnya melanjutkan dari situ.</translation>
    </message>
    <message>
        <source>The sync did not finish. {reason}</source>
        <translation>Sinkronisasi tidak selesai. {reason}</translation>
    </message>
    <message>
        <source>record {id} (no longer found)</source>
        <translation>catatan {id} (tidak ditemukan lagi)</translation>
    </message>
    <message>
        <source>{name} (no. {number})</source>
        <translation>{name} (no. {number})</translation>
    </message>
    <message>
        <source>{title}, copy {barcode}</source>
        <translation>{title}, eksemplar {barcode}</translation>
    </message>
    <message>
        <source>{title}, lent on {date}</source>
        <translation>{title}, dipinjam {date}</translation>
    </message>
    <message>
        <source>Visit on {date}</source>
        <translation>Kunjungan {date}</translation>
    </message>
    <message>
        <source>{title} ({date})</source>
        <translation>{title} ({date})</translation>
    </message>
    <message>
        <source>You cannot open this record: ask an administrator to fix it.</source>
        <translation>Anda tidak dapat membuka catatan ini: minta administrator memperbaikinya.</translation>
    </message>
    <message>
        <source>Save the USB bundle</source>
        <translation>Simpan berkas flashdisk</translation>
    </message>
    <message>
        <source>PerpusDesa bundles (*.{suffix})</source>
        <translation>Berkas kiriman PerpusDesa (*.{suffix})</translation>
    </message>
    <message>
        <source>Writing the USB bundle...</source>
        <translation>Menulis berkas flashdisk...</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent, so the file {path} holds no records.</source>
        <translation>Tidak ada yang menunggu dikirim, jadi berkas {path} tidak berisi catatan.</translation>
    </message>
    <message>
        <source>Saved {count} records ({size}) in:
{path}

Bring this file to the district facilitator. When the facilitator gives you back a receipt file, import it here with &quot;Import receipt...&quot;.</source>
        <translation>Tersimpan {count} catatan ({size}) di:
{path}

Bawa berkas ini ke fasilitator kabupaten. Bila fasilitator memberikan berkas tanda terima, impor di sini dengan &quot;Impor tanda terima...&quot;.</translation>
    </message>
    <message>
        <source>Import the receipt from the facilitator</source>
        <translation>Impor tanda terima dari fasilitator</translation>
    </message>
    <message>
        <source>Receipts (*.{suffix});;All files (*)</source>
        <translation>Tanda terima (*.{suffix});;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Receipt imported: {synced} changes arrived at the national server, {rejected} were refused.</source>
        <translation>Tanda terima diimpor: {synced} perubahan sudah sampai di server nasional, {rejected} ditolak.</translation>
    </message>
    <message>
        <source>{count} parts of the receipt belong to another PC or an older copy of this database and were left alone.</source>
        <translation>{count} bagian tanda terima milik PC lain atau salinan lama basis data ini, jadi dibiarkan.</translation>
    </message>
    <message>
        <source>Stopped: no file was written.</source>
        <translation>Dihentikan: tidak ada berkas yang ditulis.</translation>
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
    <name>TitleDetail</name>
    <message>
        <source>Authors</source>
        <translation>Pengarang</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Terbitan</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>Edisi</translation>
    </message>
    <message>
        <source>ISBN</source>
        <translation>ISBN</translation>
    </message>
    <message>
        <source>DDC class</source>
        <translation>Kelas DDC</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Subjek</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Jenis bahan</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Sasaran pembaca</translation>
    </message>
    <message>
        <source>C&amp;hange title…</source>
        <translation>Ubah &amp;judul…</translation>
    </message>
    <message>
        <source>Delete title</source>
        <translation>Hapus judul</translation>
    </message>
    <message>
        <source>&amp;Add copy…</source>
        <translation>&amp;Tambah eksemplar…</translation>
    </message>
    <message>
        <source>Change c&amp;opy…</source>
        <translation>Ubah &amp;eksemplar…</translation>
    </message>
    <message>
        <source>Delete copy</source>
        <translation>Hapus eksemplar</translation>
    </message>
    <message>
        <source>Choose a title in the list to see its copies.</source>
        <translation>Pilih judul di daftar untuk melihat eksemplarnya.</translation>
    </message>
    <message>
        <source>Copies: {available} available of {copies}</source>
        <translation>Eksemplar: {available} tersedia dari {copies}</translation>
    </message>
</context>
<context>
    <name>TitleDialog</name>
    <message>
        <source>Add a title</source>
        <translation>Tambah judul</translation>
    </message>
    <message>
        <source>Title: {title}</source>
        <translation>Judul: {title}</translation>
    </message>
    <message>
        <source>Change the title {title}</source>
        <translation>Ubah judul {title}</translation>
    </message>
    <message>
        <source>as on the title page</source>
        <translation>sesuai halaman judul</translation>
    </message>
    <message>
        <source>Surname, Name; a second author after ;</source>
        <translation>Nama belakang, Nama depan; pengarang kedua setelah ;</translation>
    </message>
    <message>
        <source>city of publication</source>
        <translation>kota terbit</translation>
    </message>
    <message>
        <source>such as 2nd edition</source>
        <translation>misalnya Edisi ke-2</translation>
    </message>
    <message>
        <source>10 or 13 digits, dashes allowed</source>
        <translation>10 atau 13 angka, boleh dengan tanda hubung</translation>
    </message>
    <message>
        <source>such as 297.1, or 2X4.3 for Islam</source>
        <translation>misalnya 297.1, atau 2X4.3 untuk Islam</translation>
    </message>
    <message>
        <source>subjects with ; between them</source>
        <translation>pisahkan subjek dengan ;</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>semua umur</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Judul</translation>
    </message>
    <message>
        <source>&amp;Authors</source>
        <translation>&amp;Pengarang</translation>
    </message>
    <message>
        <source>&amp;Publisher</source>
        <translation>Pe&amp;nerbit</translation>
    </message>
    <message>
        <source>Pl&amp;ace</source>
        <translation>&amp;Kota terbit</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>T&amp;ahun</translation>
    </message>
    <message>
        <source>&amp;Edition</source>
        <translation>&amp;Edisi</translation>
    </message>
    <message>
        <source>&amp;ISBN</source>
        <translation>&amp;ISBN</translation>
    </message>
    <message>
        <source>&amp;DDC class</source>
        <translation>Kelas &amp;DDC</translation>
    </message>
    <message>
        <source>S&amp;ubjects</source>
        <translation>Su&amp;bjek</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Ba&amp;hasa</translation>
    </message>
    <message>
        <source>&amp;Material</source>
        <translation>Jeni&amp;s bahan</translation>
    </message>
    <message>
        <source>&amp;Readers</source>
        <translation>Sasa&amp;ran pembaca</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
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
        <source>Already in the catalogue</source>
        <translation>Sudah ada di katalog</translation>
    </message>
    <message>
        <source>Copies of {title} in the catalogue: {copies}. If you hold another copy of the same book, add it as a copy of that title. Save anyway only if it is a different book.</source>
        <translation>Eksemplar {title} di katalog: {copies}. Jika Anda punya satu eksemplar lagi dari buku yang sama, tambahkan sebagai eksemplar judul itu. Pilih Tetap simpan hanya jika bukunya berbeda.</translation>
    </message>
    <message>
        <source>Add a &amp;copy to it</source>
        <translation>Tambahkan &amp;eksemplar ke judul itu</translation>
    </message>
    <message>
        <source>Save anyway only if they are different books.</source>
        <translation>Pilih Tetap simpan hanya jika bukunya memang berbeda.</translation>
    </message>
    <message>
        <source>Save &amp;anyway</source>
        <translation>&amp;Tetap simpan</translation>
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
