<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
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
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Nonaktif</translation>
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
