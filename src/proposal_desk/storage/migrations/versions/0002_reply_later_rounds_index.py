"""an index of the replies of later rounds (重新办理), for the list's reply date

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Partial and covering: a few hundred entries that answer the list's query without
    # reading the replies' text (a cold first read at 100,000 proposals took 0.6 s).
    with op.batch_alter_table('reply', schema=None) as batch_op:
        batch_op.create_index('ix_reply_later_rounds', ['proposal_id', 'round', 'sent_on'],
                              unique=False, sqlite_where=sa.text('round > 1'),
                              postgresql_where=sa.text('round > 1'))


def downgrade() -> None:
    with op.batch_alter_table('reply', schema=None) as batch_op:
        batch_op.drop_index('ix_reply_later_rounds')
