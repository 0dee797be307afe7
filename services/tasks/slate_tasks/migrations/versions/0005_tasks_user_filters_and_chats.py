"""tasks: search filters and groups, chats and messages

Revision ID: 0005_tasks_user
Revises: 0004_tasks_time
Create Date: 2026-11-28 18:59:35.401027
"""
from alembic import op
import sqlalchemy as sa


revision = '0005_tasks_user'
down_revision = '0004_tasks_time'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('chats',
    sa.Column('object_id', sa.UUID(), nullable=False),
    sa.Column('object_type', sa.String(length=80), nullable=False),
    sa.Column('last_message', sa.DateTime(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_chats_object_id'), 'chats', ['object_id'], unique=True, schema='tasks')
    op.create_index(op.f('ix_tasks_chats_object_type'), 'chats', ['object_type'], unique=False, schema='tasks')
    op.create_table('search_filter_groups',
    sa.Column('list_type', sa.String(length=80), nullable=False),
    sa.Column('entity_type', sa.String(length=80), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('color', sa.String(length=8), nullable=False),
    sa.Column('is_shared', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('person_id', sa.UUID(), nullable=True),
    sa.Column('project_id', sa.UUID(), nullable=True),
    sa.Column('department_id', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_search_filter_groups_department_id'), 'search_filter_groups', ['department_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_search_filter_groups_list_type'), 'search_filter_groups', ['list_type'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_search_filter_groups_person_id'), 'search_filter_groups', ['person_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_search_filter_groups_project_id'), 'search_filter_groups', ['project_id'], unique=False, schema='tasks')
    op.create_table('chat_messages',
    sa.Column('chat_id', sa.UUID(), nullable=False),
    sa.Column('person_id', sa.UUID(), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['chat_id'], ['tasks.chats.id'], ),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_chat_messages_chat_id'), 'chat_messages', ['chat_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_chat_messages_person_id'), 'chat_messages', ['person_id'], unique=False, schema='tasks')
    op.create_table('chat_participants',
    sa.Column('chat_id', sa.UUID(), nullable=False),
    sa.Column('person_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['chat_id'], ['tasks.chats.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('chat_id', 'person_id'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_chat_participants_person_id'), 'chat_participants', ['person_id'], unique=False, schema='tasks')
    op.create_table('search_filters',
    sa.Column('list_type', sa.String(length=80), nullable=False),
    sa.Column('entity_type', sa.String(length=80), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('search_query', sa.String(length=500), nullable=False),
    sa.Column('is_shared', sa.Boolean(), server_default=sa.text('false'), nullable=False),
    sa.Column('department_id', sa.UUID(), nullable=True),
    sa.Column('search_filter_group_id', sa.UUID(), nullable=True),
    sa.Column('person_id', sa.UUID(), nullable=True),
    sa.Column('project_id', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['search_filter_group_id'], ['tasks.search_filter_groups.id'], ),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_search_filters_department_id'), 'search_filters', ['department_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_search_filters_list_type'), 'search_filters', ['list_type'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_search_filters_person_id'), 'search_filters', ['person_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_search_filters_project_id'), 'search_filters', ['project_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_search_filters_search_filter_group_id'), 'search_filters', ['search_filter_group_id'], unique=False, schema='tasks')


def downgrade():
    op.drop_index(op.f('ix_tasks_search_filters_search_filter_group_id'), table_name='search_filters', schema='tasks')
    op.drop_index(op.f('ix_tasks_search_filters_project_id'), table_name='search_filters', schema='tasks')
    op.drop_index(op.f('ix_tasks_search_filters_person_id'), table_name='search_filters', schema='tasks')
    op.drop_index(op.f('ix_tasks_search_filters_list_type'), table_name='search_filters', schema='tasks')
    op.drop_index(op.f('ix_tasks_search_filters_department_id'), table_name='search_filters', schema='tasks')
    op.drop_table('search_filters', schema='tasks')
    op.drop_index(op.f('ix_tasks_chat_participants_person_id'), table_name='chat_participants', schema='tasks')
    op.drop_table('chat_participants', schema='tasks')
    op.drop_index(op.f('ix_tasks_chat_messages_person_id'), table_name='chat_messages', schema='tasks')
    op.drop_index(op.f('ix_tasks_chat_messages_chat_id'), table_name='chat_messages', schema='tasks')
    op.drop_table('chat_messages', schema='tasks')
    op.drop_index(op.f('ix_tasks_search_filter_groups_project_id'), table_name='search_filter_groups', schema='tasks')
    op.drop_index(op.f('ix_tasks_search_filter_groups_person_id'), table_name='search_filter_groups', schema='tasks')
    op.drop_index(op.f('ix_tasks_search_filter_groups_list_type'), table_name='search_filter_groups', schema='tasks')
    op.drop_index(op.f('ix_tasks_search_filter_groups_department_id'), table_name='search_filter_groups', schema='tasks')
    op.drop_table('search_filter_groups', schema='tasks')
    op.drop_index(op.f('ix_tasks_chats_object_type'), table_name='chats', schema='tasks')
    op.drop_index(op.f('ix_tasks_chats_object_id'), table_name='chats', schema='tasks')
    op.drop_table('chats', schema='tasks')
