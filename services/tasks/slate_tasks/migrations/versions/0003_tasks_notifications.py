"""tasks: subscriptions and notifications

Revision ID: 0003_tasks_notifications
Revises: 0002_tasks_comments
Create Date: 2026-11-28 18:58:09.450009
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_tasks_notifications'
down_revision = '0002_tasks_comments'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('notifications',
    sa.Column('read', sa.Boolean(), nullable=False),
    sa.Column('change', sa.Boolean(), nullable=False),
    sa.Column('notification_type', sa.String(length=30), nullable=False),
    sa.Column('person_id', sa.UUID(), nullable=False),
    sa.Column('author_id', sa.UUID(), nullable=False),
    sa.Column('comment_id', sa.UUID(), nullable=True),
    sa.Column('task_id', sa.UUID(), nullable=True),
    sa.Column('playlist_id', sa.UUID(), nullable=True),
    sa.Column('reply_id', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.tasks.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'author_id', 'comment_id', 'reply_id', 'playlist_id', 'notification_type', name='notification_uc'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_notifications_author_id'), 'notifications', ['author_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_notifications_comment_id'), 'notifications', ['comment_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_notifications_person_id'), 'notifications', ['person_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_notifications_playlist_id'), 'notifications', ['playlist_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_notifications_reply_id'), 'notifications', ['reply_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_notifications_task_id'), 'notifications', ['task_id'], unique=False, schema='tasks')
    op.create_table('subscriptions',
    sa.Column('person_id', sa.UUID(), nullable=False),
    sa.Column('task_id', sa.UUID(), nullable=True),
    sa.Column('entity_id', sa.UUID(), nullable=True),
    sa.Column('task_type_id', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.tasks.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_type_id'], ['tasks.task_types.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'task_id', name='subscription_task_uc'),
    sa.UniqueConstraint('person_id', 'task_type_id', 'entity_id', name='subscription_entity_uc'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_subscriptions_entity_id'), 'subscriptions', ['entity_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_subscriptions_person_id'), 'subscriptions', ['person_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_subscriptions_task_id'), 'subscriptions', ['task_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_subscriptions_task_type_id'), 'subscriptions', ['task_type_id'], unique=False, schema='tasks')


def downgrade():
    op.drop_index(op.f('ix_tasks_subscriptions_task_type_id'), table_name='subscriptions', schema='tasks')
    op.drop_index(op.f('ix_tasks_subscriptions_task_id'), table_name='subscriptions', schema='tasks')
    op.drop_index(op.f('ix_tasks_subscriptions_person_id'), table_name='subscriptions', schema='tasks')
    op.drop_index(op.f('ix_tasks_subscriptions_entity_id'), table_name='subscriptions', schema='tasks')
    op.drop_table('subscriptions', schema='tasks')
    op.drop_index(op.f('ix_tasks_notifications_task_id'), table_name='notifications', schema='tasks')
    op.drop_index(op.f('ix_tasks_notifications_reply_id'), table_name='notifications', schema='tasks')
    op.drop_index(op.f('ix_tasks_notifications_playlist_id'), table_name='notifications', schema='tasks')
    op.drop_index(op.f('ix_tasks_notifications_person_id'), table_name='notifications', schema='tasks')
    op.drop_index(op.f('ix_tasks_notifications_comment_id'), table_name='notifications', schema='tasks')
    op.drop_index(op.f('ix_tasks_notifications_author_id'), table_name='notifications', schema='tasks')
    op.drop_table('notifications', schema='tasks')
