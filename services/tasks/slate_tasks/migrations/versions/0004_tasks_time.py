"""tasks: time spents, day offs, schedule items, desktop login logs

Revision ID: 0004_tasks_time
Revises: 0003_tasks_notifications
Create Date: 2026-11-28 19:10:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0004_tasks_time'
down_revision = '0003_tasks_notifications'
branch_labels = None
depends_on = None


def _timestamps():
    return [sa.Column('id', sa.UUID(), nullable=False),
            sa.Column('created_at', sa.DateTime(), nullable=False),
            sa.Column('updated_at', sa.DateTime(), nullable=False)]


def _index(table, column):
    op.create_index(op.f('ix_tasks_%s_%s' % (table, column)), table, [column],
                    unique=False, schema='tasks')


def upgrade():
    op.create_table('time_spents', *_timestamps(),
    sa.Column('duration', sa.Float(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('task_id', sa.UUID(), nullable=True),
    sa.Column('person_id', sa.UUID(), nullable=True),
    sa.CheckConstraint('duration > 0', name='check_duration_positive'),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.tasks.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'task_id', 'date', name='time_spent_uc'),
    schema='tasks'
    )
    _index('time_spents', 'task_id')
    _index('time_spents', 'person_id')
    op.create_table('day_offs', *_timestamps(),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('person_id', sa.UUID(), nullable=True),
    sa.CheckConstraint('date <= end_date', name='day_off_date_check'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'date', name='day_off_uc'),
    schema='tasks'
    )
    _index('day_offs', 'person_id')
    op.create_table('schedule_items', *_timestamps(),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('man_days', sa.Integer(), nullable=True),
    sa.Column('project_id', sa.UUID(), nullable=True),
    sa.Column('task_type_id', sa.UUID(), nullable=True),
    sa.Column('object_id', sa.UUID(), nullable=True),
    sa.ForeignKeyConstraint(['task_type_id'], ['tasks.task_types.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('project_id', 'task_type_id', 'object_id', name='schedule_item_uc'),
    schema='tasks'
    )
    for column in ('project_id', 'task_type_id', 'object_id'):
        _index('schedule_items', column)
    op.create_table('desktop_login_logs', *_timestamps(),
    sa.Column('person_id', sa.UUID(), nullable=False),
    sa.Column('date', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    _index('desktop_login_logs', 'person_id')


def downgrade():
    for table in ('desktop_login_logs', 'schedule_items', 'day_offs', 'time_spents'):
        op.drop_table(table, schema='tasks')
