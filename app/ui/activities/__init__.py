"""The activities page (Kegiatan): plan and record activities, meetings and trainings."""
