"""initial schema: every record kind

Revision ID: 0001_initial
Revises: (none)
Create Date: 2026-11-26 06:35:31.462532

"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0001_initial"
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""

    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=True),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)

    op.create_table(
        "library",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("library_type", sa.String(length=20), nullable=False),
        sa.Column("region_code", sa.String(length=13), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("npp", sa.String(length=40), nullable=True),
        sa.Column("head_name", sa.String(length=200), nullable=False),
        sa.Column("village_head_name", sa.String(length=200), nullable=False),
        sa.Column("time_zone", sa.String(length=4), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("logo_path", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.id"], name=op.f("fk_library_library_id_library")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library")),
    )
    with op.batch_alter_table("library", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_library_library_id"), ["library_id"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_state"), ["state"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "staff_user",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_user")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_user_username")),
    )
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("db_epoch", sa.String(length=36), nullable=False),
        sa.Column("server_url", sa.Text(), nullable=True),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("last_acked_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "activity",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("category_code", sa.String(length=40), nullable=False),
        sa.Column("strategy", sa.String(length=40), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("partner_ids", sa.JSON(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("outcomes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("target_group", sa.String(length=30), nullable=True),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("participants_male", sa.Integer(), nullable=False),
        sa.Column("participants_female", sa.Integer(), nullable=False),
        sa.Column("representatives", sa.JSON(), nullable=False),
        sa.Column("commitments", sa.Text(), nullable=False),
        sa.Column("trainee_libraries", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.id"], name=op.f("fk_activity_library_id_library")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_library_id"), ["library_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "member",
        sa.Column("member_no", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("nik", sa.String(length=16), nullable=True),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("rt", sa.String(length=4), nullable=True),
        sa.Column("rw", sa.String(length=4), nullable=True),
        sa.Column("village_code", sa.String(length=13), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("occupation", sa.String(length=40), nullable=True),
        sa.Column("education", sa.String(length=40), nullable=True),
        sa.Column("member_type", sa.String(length=20), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("photo_path", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("consent_at", sa.DateTime(), nullable=False),
        sa.Column("consent_by", sa.String(length=36), nullable=False),
        sa.Column("guardian_name", sa.String(length=200), nullable=True),
        sa.Column("guardian_consent_at", sa.DateTime(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("deactivated_at", sa.DateTime(), nullable=True),
        sa.Column("erased_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.id"], name=op.f("fk_member_library_id_library")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
        sa.UniqueConstraint("library_id", "member_no", name=op.f("uq_member_library_id_member_no")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_library_id"), ["library_id"], unique=False)

    op.create_table(
        "partner",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("partner_type", sa.String(length=30), nullable=False),
        sa.Column("contact_person", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.id"], name=op.f("fk_partner_library_id_library")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
    )
    with op.batch_alter_table("partner", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_library_id"), ["library_id"], unique=False)

    op.create_table(
        "title",
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("authors", sa.Text(), nullable=False),
        sa.Column("publisher", sa.String(length=200), nullable=True),
        sa.Column("place", sa.String(length=100), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("edition", sa.String(length=50), nullable=True),
        sa.Column("isbn", sa.String(length=13), nullable=True),
        sa.Column("ddc", sa.String(length=20), nullable=True),
        sa.Column("subjects", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=3), nullable=True),
        sa.Column("material_type", sa.String(length=20), nullable=False),
        sa.Column("audience", sa.String(length=10), nullable=True),
        sa.Column("marc_raw", sa.LargeBinary(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.id"], name=op.f("fk_title_library_id_library")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_title")),
    )
    with op.batch_alter_table("title", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_title_isbn"), ["isbn"], unique=False)
        batch_op.create_index(batch_op.f("ix_title_library_id"), ["library_id"], unique=False)

    op.create_table(
        "item",
        sa.Column("title_id", sa.String(length=36), nullable=False),
        sa.Column("barcode", sa.String(length=30), nullable=False),
        sa.Column("call_number", sa.String(length=60), nullable=True),
        sa.Column("acquired_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("condition", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.id"], name=op.f("fk_item_library_id_library")
        ),
        sa.ForeignKeyConstraint(["title_id"], ["title.id"], name=op.f("fk_item_title_id_title")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item")),
        sa.UniqueConstraint("library_id", "barcode", name=op.f("uq_item_library_id_barcode")),
    )
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_library_id"), ["library_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_item_title_id"), ["title_id"], unique=False)

    op.create_table(
        "partnership",
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("support_type", sa.String(length=20), nullable=True),
        sa.Column("value_rupiah", sa.Integer(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.id"], name=op.f("fk_partnership_library_id_library")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_partnership_partner_id_partner")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnership")),
    )
    with op.batch_alter_table("partnership", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partnership_library_id"), ["library_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_partnership_partner_id"), ["partner_id"], unique=False)

    op.create_table(
        "story",
        sa.Column("person_name", sa.String(length=200), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("age_band", sa.String(length=20), nullable=False),
        sa.Column("occupation", sa.String(length=40), nullable=True),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("figure_label", sa.String(length=100), nullable=True),
        sa.Column("value_before", sa.Integer(), nullable=True),
        sa.Column("value_after", sa.Integer(), nullable=True),
        sa.Column("photo_path", sa.Text(), nullable=True),
        sa.Column("consent_at", sa.DateTime(), nullable=False),
        sa.Column("consent_witness", sa.String(length=36), nullable=False),
        sa.Column("publish_with_name", sa.Boolean(), nullable=False),
        sa.Column("guardian_name", sa.String(length=200), nullable=True),
        sa.Column("guardian_consent_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_story_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.id"], name=op.f("fk_story_library_id_library")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story")),
    )
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_story_library_id"), ["library_id"], unique=False)

    op.create_table(
        "visit",
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("visited_at", sa.DateTime(), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("guest_name", sa.String(length=200), nullable=True),
        sa.Column("gender", sa.String(length=1), nullable=True),
        sa.Column("age_band", sa.String(length=20), nullable=True),
        sa.Column("occupation", sa.String(length=40), nullable=True),
        sa.Column("origin_village_code", sa.String(length=13), nullable=True),
        sa.Column("origin_other", sa.String(length=200), nullable=True),
        sa.Column("purposes", sa.JSON(), nullable=False),
        sa.Column("group_name", sa.String(length=200), nullable=True),
        sa.Column("group_leader", sa.String(length=200), nullable=True),
        sa.Column("group_phone", sa.String(length=20), nullable=True),
        sa.Column("count_male", sa.Integer(), nullable=False),
        sa.Column("count_female", sa.Integer(), nullable=False),
        sa.Column("age_counts", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.id"], name=op.f("fk_visit_library_id_library")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_visit_member_id_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_library_id"), ["library_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_visited_at"), ["visited_at"], unique=False)

    op.create_table(
        "loan",
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("loaned_at", sa.DateTime(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("returned_at", sa.DateTime(), nullable=True),
        sa.Column("renewals", sa.Integer(), nullable=False),
        sa.Column("fine", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("library_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name=op.f("fk_loan_item_id_item")),
        sa.ForeignKeyConstraint(
            ["library_id"], ["library.id"], name=op.f("fk_loan_library_id_library")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_loan_member_id_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan")),
    )
    with op.batch_alter_table("loan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_loan_library_id"), ["library_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_loan_loaned_at"), ["loaned_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_loan_member_id"), ["member_id"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""

    with op.batch_alter_table("loan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_member_id"))
        batch_op.drop_index(batch_op.f("ix_loan_loaned_at"))
        batch_op.drop_index(batch_op.f("ix_loan_library_id"))
        batch_op.drop_index(batch_op.f("ix_loan_item_id"))

    op.drop_table("loan")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_visited_at"))
        batch_op.drop_index(batch_op.f("ix_visit_member_id"))
        batch_op.drop_index(batch_op.f("ix_visit_library_id"))

    op.drop_table("visit")
    with op.batch_alter_table("story", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_library_id"))

    op.drop_table("story")
    with op.batch_alter_table("partnership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnership_partner_id"))
        batch_op.drop_index(batch_op.f("ix_partnership_library_id"))

    op.drop_table("partnership")
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_title_id"))
        batch_op.drop_index(batch_op.f("ix_item_library_id"))

    op.drop_table("item")
    with op.batch_alter_table("title", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_title_library_id"))
        batch_op.drop_index(batch_op.f("ix_title_isbn"))

    op.drop_table("title")
    with op.batch_alter_table("partner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_library_id"))

    op.drop_table("partner")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_library_id"))

    op.drop_table("member")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_starts_at"))
        batch_op.drop_index(batch_op.f("ix_activity_library_id"))

    op.drop_table("activity")
    op.drop_table("sync_state")
    op.drop_table("staff_user")
    op.drop_table("setting")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_state"))
        batch_op.drop_index(batch_op.f("ix_outbox_record_id"))

    op.drop_table("outbox")
    with op.batch_alter_table("library", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_library_library_id"))

    op.drop_table("library")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_at"))

    op.drop_table("audit_entry")
